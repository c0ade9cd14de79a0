// SECURITY.md W5: postMessage, only if popups or iframes are ever used. They are not: eHerkenning is a full-page
// redirect and the element renders in the host page. A static check over the shipped code — every package's
// sources and the built browser files (the CDN single files that editors paste, and the SDK, element and contract
// builds) — finds no `postMessage(…, '*')`, and, since there is no other window to talk to, no postMessage, no
// `message` listener and nothing that opens a popup or an iframe at all. Adding any of them needs W5's checks first:
// an explicit target origin, and an exact origin comparison on receipt.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** The built files a browser runs; `npm run build` makes them (the e2e stage needs it anyway). */
const BUILT = ['packages/element/dist', 'packages/sdk/dist', 'packages/contract/dist'];
const CDN_FILES = [
  'packages/element/dist/cdn/wt-onboarding.js',
  'packages/element/dist/cdn/wt-organisation-members.js',
];

/** Code files below `dir` (absolute), skipping dependencies. */
function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(path).isDirectory()) return codeFiles(path);
    return /\.(?:ts|js|mjs)$/u.test(entry) && !entry.endsWith('.d.ts') ? [path] : [];
  });
}

/** What must not be in shipped code, each with why. */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: "postMessage to any origin ('*')", pattern: /postMessage\s*\([^)]*,\s*(['"`])\*\1/u },
  { what: 'postMessage at all (no other window to talk to)', pattern: /\bpostMessage\b/u },
  {
    what: 'a message listener',
    pattern: /addEventListener\s*\(\s*(['"`])message(?:error)?\1|\bonmessage(?:error)?\s*=|\bonmessage\b/u,
  },
  { what: 'a popup', pattern: /\bwindow\.open\s*\(|\bopener\b/u },
  { what: 'an iframe', pattern: /createElement\s*\(\s*(['"`])iframe\1|<iframe\b/iu },
];

describe('W5: no postMessage, message listener, popup or iframe in the shipped code', () => {
  const sources = readdirSync(join(REPO, 'packages')).flatMap((name) => codeFiles(join(REPO, 'packages', name, 'src')));
  const built = BUILT.flatMap((dir) => codeFiles(join(REPO, dir)));

  it('W5: the scan covers every package’s sources and the built CDN files', () => {
    assert.ok(sources.length > 100, `sources found: ${sources.length}`);
    for (const file of CDN_FILES) {
      assert.ok(existsSync(join(REPO, file)), `${file} is built (run npm run build)`);
      assert.ok(built.includes(join(REPO, file)), `${file} is scanned`);
    }
  });

  it("W5: no postMessage(…, '*'), and no postMessage, message listener, popup or iframe at all", () => {
    const found: string[] = [];
    for (const file of [...sources, ...built]) {
      const text = readFileSync(file, 'utf8');
      for (const { what, pattern } of FORBIDDEN) {
        const match = pattern.exec(text);
        if (!match) continue;
        const line = text.slice(0, match.index).split('\n').length;
        found.push(`${relative(REPO, file)}:${line}: ${what}: ${match[0]}`);
      }
    }
    assert.deepEqual(found, []);
  });
});
