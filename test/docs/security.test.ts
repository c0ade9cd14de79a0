// docs/security.md maps every numbered requirement of SECURITY.md to the tests that prove it. This keeps it true:
// each id has exactly one row, in its own section, and every test file a row links to exists and names that row's
// id as a whole word (as test names cite the ids), so a row cannot point at a file that does not prove it. The
// checker is also run on a small page with known faults, so a checker that accepts everything cannot pass.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { describe, it } from 'node:test';

const repo = new URL('../../', import.meta.url);
const PAGE = 'docs/security.md';

/** SECURITY.md's sections: the heading docs/security.md uses, the id prefix and how many items it has. */
const SECTIONS = [
  { heading: 'A. Password policy and storage', prefix: 'P', count: 6 },
  { heading: 'B. Emailed verification code', prefix: 'C', count: 7 },
  { heading: 'C. Rate limiting, anti-automation, enumeration', prefix: 'R', count: 5 },
  { heading: 'D. Sessions and CSRF', prefix: 'S', count: 6 },
  { heading: 'E. OIDC relying party (eHerkenning broker)', prefix: 'O', count: 14 },
  { heading: 'F. Flow integrity and reliability', prefix: 'F', count: 7 },
  { heading: 'G. Web component and browser', prefix: 'W', count: 6 },
  { heading: 'H. Logging, errors, robustness', prefix: 'L', count: 3 },
] as const;

const idsOf = (section: (typeof SECTIONS)[number]) =>
  Array.from({ length: section.count }, (_, index) => `${section.prefix}${index + 1}`);
/** Every id of SECURITY.md's checklist, P1–P6 … L1–L3 (54). */
const ALL_IDS = SECTIONS.flatMap(idsOf);

interface Row {
  readonly section: string;
  readonly id: string;
  readonly line: number;
  /** Repository-relative paths of the files linked in the tests column. */
  readonly tests: string[];
}

/** The cells of a markdown table row (`\|` does not split). */
function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/gu, '')
    .split(/(?<!\\)\|/u)
    .map((cell) => cell.trim());
}

/** The table rows of a page shaped like docs/security.md (id | requirement | tests | deviations), per `## ` section. */
function rowsOf(page: string, pagePath: string): Row[] {
  const rows: Row[] = [];
  let section = '';
  let inTable = false;
  page.split('\n').forEach((text, index) => {
    if (text.startsWith('## ')) section = text.slice(3).trim();
    if (!text.startsWith('|')) {
      inTable = false;
      return;
    }
    const row = cells(text);
    if (!inTable) {
      // The header row, then the separator.
      assert.deepEqual(row, ['id', 'requirement', 'tests', 'deviations and limits'], `${pagePath}:${index + 1}`);
      inTable = true;
      return;
    }
    if (row.every((cell) => /^-+$/u.test(cell))) return;
    assert.equal(row.length, 4, `${pagePath}:${index + 1} has four cells`);
    const links = [...row[2]!.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/gu)].map((match) => match[1]!);
    const tests = links.map((target) => posix.normalize(posix.join(posix.dirname(pagePath), target)));
    rows.push({ section, id: row[0]!, line: index + 1, tests });
  });
  return rows;
}

/** What is wrong with the page: ids missing, doubled, unknown or in the wrong section; links that prove nothing. */
function problems(page: string, pagePath: string, read: (path: string) => string | undefined): string[] {
  const found: string[] = [];
  const rows = rowsOf(page, pagePath);
  for (const id of ALL_IDS) {
    const count = rows.filter((row) => row.id === id).length;
    if (count !== 1) found.push(`${id}: ${count} rows`);
  }
  for (const row of rows) {
    const where = `${pagePath}:${row.line} ${row.id}`;
    const section = SECTIONS.find((candidate) => candidate.heading === row.section);
    if (!ALL_IDS.includes(row.id)) found.push(`${where}: not an id of SECURITY.md`);
    else if (!section || !idsOf(section).includes(row.id)) found.push(`${where}: in section "${row.section}"`);
    if (row.tests.length === 0) found.push(`${where}: no test linked`);
    const wholeWord = new RegExp(`\\b${row.id}\\b`, 'u');
    for (const test of row.tests) {
      const text = read(test);
      if (text === undefined) found.push(`${where}: ${test} does not exist`);
      else if (!wholeWord.test(text)) found.push(`${where}: ${test} does not name ${row.id}`);
    }
  }
  return found;
}

/** A repository file's text, or undefined when there is none. */
function readRepo(path: string): string | undefined {
  const url = new URL(path, repo);
  return existsSync(url) ? readFileSync(url, 'utf8') : undefined;
}

describe('docs/security.md against SECURITY.md and the tests', () => {
  const page = readRepo(PAGE);
  assert.ok(page, `${PAGE} exists`);

  it('has one section per SECURITY.md section, in order', () => {
    const headings = [...page.matchAll(/^## ([A-H]\. .*)$/gmu)].map((match) => match[1]);
    assert.deepEqual(
      headings,
      SECTIONS.map((section) => section.heading),
    );
  });

  it('has exactly one row per id, and every linked test exists and names its row’s id', () => {
    assert.equal(ALL_IDS.length, 54, 'SECURITY.md’s checklist has 54 items');
    assert.deepEqual(problems(page, PAGE, readRepo), []);
  });
});

describe('the docs/security.md checker', () => {
  const header = '| id | requirement | tests | deviations and limits |\n| --- | --- | --- | --- |';
  const files: Record<string, string> = {
    'packages/x/test/p1.test.ts': "it('P1: refuses 13 characters')",
    'packages/x/test/p2.test.ts': "it('P2: counts code points')",
    'packages/x/test/p10.test.ts': "it('P10: accepts 64 characters')",
  };
  const page = [
    '## A. Password policy and storage',
    '',
    header,
    '| P1 | policy | [p1](../packages/x/test/p1.test.ts), [p10](../packages/x/test/p10.test.ts) | — |',
    '| P2 | code points | [gone](../packages/x/test/gone.test.ts) | — |',
    '| P2 | again | [p2](../packages/x/test/p2.test.ts) | a \\| pipe |',
    '| C1 | digits | [p1](../packages/x/test/p1.test.ts) | — |',
    '| X9 | unknown | — | — |',
  ].join('\n');

  it('reports doubled, missing, unknown and misplaced ids, missing files and files that do not name the id', () => {
    const found = problems(page, 'docs/security.md', (path) => files[path]);
    assert.deepEqual(found, [
      'P2: 2 rows',
      ...ALL_IDS.filter((id) => !['P1', 'P2', 'C1'].includes(id)).map((id) => `${id}: 0 rows`),
      'docs/security.md:5 P1: packages/x/test/p10.test.ts does not name P1',
      'docs/security.md:6 P2: packages/x/test/gone.test.ts does not exist',
      'docs/security.md:8 C1: in section "A. Password policy and storage"',
      'docs/security.md:8 C1: packages/x/test/p1.test.ts does not name C1',
      'docs/security.md:9 X9: not an id of SECURITY.md',
      'docs/security.md:9 X9: no test linked',
    ]);
  });
});
