// `npm run docs` writes the API reference (README, developers.md). It runs typedoc with warnings as errors, so a
// public type that names an unexported one, or a {@link} to something outside the reference, stops it and writes
// nothing. This runs the same configuration into a temporary directory, so such a change fails `npm test` instead
// of the next person who runs `npm run docs`. About 20 s on a 2-core machine (typedoc converts four packages).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('the API reference (npm run docs)', () => {
  const out = mkdtempSync(join(tmpdir(), 'wt-api-docs-'));
  after(() => rmSync(out, { recursive: true, force: true }));

  it(
    'builds from typedoc.json without a warning, every referenced type and link included',
    { timeout: 180_000 },
    () => {
      const typedoc = join(repo, 'node_modules/typedoc/bin/typedoc');
      // The configuration's own options (treatWarningsAsErrors, validation) apply; only the output moves.
      const result = spawnSync(process.execPath, [typedoc, '--out', out, '--logLevel', 'Warn'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      const output = `${result.stdout}${result.stderr}`;
      const warnings = output.split('\n').filter((line) => /\[(warning|error)\]/u.test(line));
      assert.deepEqual(warnings, [], output);
      assert.equal(result.status, 0, output);
      assert.ok(existsSync(join(out, 'index.html')), 'the reference has its index page');
    },
  );
});
