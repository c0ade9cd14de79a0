// docs/designers.md lists every token and every part of <wt-onboarding> by group, and names nothing the element does
// not have: compared with packages/element/custom-elements.json, the manifest the element's JSDoc generates (and
// that the element's own theming test compares with what it renders and reads).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { STEP_IDS } from '@wij-techniek/onboarding-sdk';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  cssStates?: { name: string }[];
}

const manifest = JSON.parse(read('packages/element/custom-elements.json')) as {
  modules: { declarations?: Declaration[] }[];
};
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'wt-onboarding');
assert.ok(element, 'custom-elements.json has <wt-onboarding>');
const tokens = new Set(element.cssProperties!.map((token) => token.name));
const parts = new Set(element.cssParts!.map((part) => part.name));
const states = new Set(element.cssStates!.map((state) => state.name));

const guide = read('docs/designers.md');

/** The text of the guide's `## title` section. */
function section(title: string): string {
  const found = guide.split(/^## /mu).find((part) => part.startsWith(`${title}\n`));
  assert.ok(found, `docs/designers.md has a "## ${title}" section`);
  return found;
}

/** The `code` names in the first column-2 cells of a section's markdown table. */
function tableNames(text: string): string[] {
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| group') && !line.startsWith('| ---'));
  return rows.flatMap((row) => [...row.split(' | ')[1]!.matchAll(/`([^`]+)`/gu)].map((match) => match[1]!));
}

/** A part name the guide may use: a documented part, or `step-<id>` for a step the flow has. */
const isPart = (name: string) =>
  parts.has(name) || name === 'step-<step-id>' || STEP_IDS.some((step) => name === `step-${step}`);

describe('docs/designers.md against the element’s manifest', () => {
  it('lists every token in its token groups, and no token the element does not read', () => {
    const listed = tableNames(section('Tokens'));
    assert.deepEqual(
      [...tokens].filter((token) => !listed.includes(token)),
      [],
      'tokens missing from the groups',
    );
    // `--wt-focus-outline-*` stands for a group: some token must start with it.
    const named = new Set([...guide.matchAll(/--wt-[a-z0-9-]*[a-z0-9](-\*)?/gu)].map((match) => match[0]));
    const exists = (name: string) =>
      name.endsWith('-*') ? [...tokens].some((token) => token.startsWith(name.slice(0, -1))) : tokens.has(name);
    assert.deepEqual(
      [...named].filter((name) => !exists(name)),
      [],
      'tokens the element does not have',
    );
  });

  it('lists every part in its part groups, and no part the element does not render', () => {
    const listed = tableNames(section('Parts'));
    assert.deepEqual(
      [...parts].filter((part) => !listed.includes(part)),
      [],
      'parts missing from the groups',
    );
    assert.deepEqual(
      listed.filter((name) => !isPart(name)),
      [],
      'listed parts the element does not have',
    );
    const used = [...guide.matchAll(/::part\(([^)]+)\)/gu)].map((match) => match[1]!);
    assert.deepEqual(
      used.filter((name) => !isPart(name) && name !== 'name'),
      [],
      '::part() of unknown parts',
    );
  });

  it('uses only custom states the element has', () => {
    const used = [...guide.matchAll(/:state\(([^)]+)\)/gu)].map((match) => match[1]!);
    assert.ok(used.length > 0);
    assert.deepEqual(
      used.filter((name) => !states.has(name) && name !== 'name'),
      [],
    );
  });

  it('the dark-mode example sets every colour token the light Tokens example sets', () => {
    const example = (title: string) => section(title).match(/```css\n([^]*?)```/u)?.[1] ?? '';
    const colours = (css: string) => [...css.matchAll(/(--wt-[a-z0-9-]*-color)\s*:/gu)].map((match) => match[1]!);
    const dark = new Set(colours(example('Dark mode')));
    assert.ok(dark.size > 0, 'the Dark mode section has a css example');
    assert.deepEqual(
      colours(example('Tokens')).filter((token) => !dark.has(token)),
      [],
      'colour tokens set for light with no dark value',
    );
  });
});
