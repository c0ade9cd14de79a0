// docs/operators.md has two tables of variables: the few that `npm start` reads, and the server's Configuration.
// An operator looks a server setting up in the second; DATABASE_CONNECT_TIMEOUT and DATABASE_STATEMENT_TIMEOUT
// were written into the first, where nobody running the server looks. Each table holds only its own variables.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const operators = read('docs/operators.md');

/** The first-column names (`| \`NAME\` |`) of the table that starts after `heading` in docs/operators.md. */
function tableAfter(heading: string): string[] {
  const start = operators.indexOf(heading);
  assert.ok(start >= 0, `docs/operators.md has "${heading}"`);
  const lines = operators.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows = lines
    .slice(first)
    .filter((_, index, all) => all.slice(0, index + 1).every((line) => line.startsWith('|')));
  return rows.flatMap((line) => /^\| `([A-Z_*]+)` \|/u.exec(line)?.[1] ?? []);
}

describe('docs/operators.md variable tables', () => {
  it('the npm start table names only what scripts/start.mjs reads', () => {
    const start = read('scripts/start.mjs');
    const rows = tableAfter('`npm start` settings:');
    assert.ok(rows.includes('WEB_PORT'));
    assert.deepEqual(
      rows.filter((name) => !start.includes(`'${name}'`) && !start.includes(`env.${name}`)),
      [],
      'a row npm start does not read belongs in the Configuration table',
    );
  });

  it('the Configuration table names every variable the server reads', () => {
    const config = read('packages/server/src/config.ts');
    const serverNames = [...config.matchAll(/(?:value|required)\('([A-Z_]+)'/gu)].map((match) => match[1]!);
    assert.ok(serverNames.includes('DATABASE_STATEMENT_TIMEOUT'));
    const rows = tableAfter('| variable | default outside production | meaning |');
    assert.deepEqual(
      [...new Set(serverNames)].filter((name) => !rows.includes(name)),
      [],
    );
  });
});
