// docs/editors.md gives web editors the Content Security Policy a hosting page needs: it must be the policy the
// end-to-end tests run the whole journey under (test/e2e/helpers/stack.ts, SECURITY.md W1), so what the guide
// promises is what is proven, and it must name lit-html's Trusted Types policy (without it the element stays blank).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const guide = read('docs/editors.md');

/** The text of the guide's `## title` section. */
function section(title: string): string {
  const found = guide.split(/^## /mu).find((part) => part.startsWith(`${title}\n`));
  assert.ok(found, `docs/editors.md has a "## ${title}" section`);
  return found;
}

/** The e2e stack's STRICT_CSP, read from its source (importing it would start nothing, but loads the whole stack). */
function e2ePolicy(): string {
  const source = read('test/e2e/helpers/stack.ts');
  const list = /export const STRICT_CSP = \[([^]*?)\]\.join\('; '\)/u.exec(source)?.[1];
  assert.ok(list, 'test/e2e/helpers/stack.ts defines STRICT_CSP as a joined list');
  return [...list.matchAll(/(["'])(.*?)\1,?/gu)].map((match) => match[2]).join('; ');
}

describe('docs/editors.md: the page’s Content Security Policy (W1)', () => {
  const text = section("The page's Content Security Policy");
  const example = /```http\nContent-Security-Policy: (.*)\n```/u.exec(text)?.[1];

  it('gives, word for word, the policy the e2e journey runs under', () => {
    assert.ok(example, 'the section has a Content-Security-Policy example');
    assert.equal(example, e2ePolicy());
  });

  it('names the Trusted Types policy lit-html and says what a page without it shows', () => {
    assert.match(example ?? '', /(^|; )trusted-types [^;]*\blit-html\b/u);
    assert.match(text, /`trusted-types default`/u);
    assert.match(text, /empty\s+area/u);
  });
});
