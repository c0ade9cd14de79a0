// What npm would publish of the SDK and of the contract it depends on: a README and the licence named, the code
// and typings, and no build leftovers (`dist/.tsbuildinfo`, 34 kB that no consumer reads). `npm pack --dry-run`
// lists the files without writing a tarball or running scripts.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));

/** The paths `npm pack` would put in the tarball of the workspace `dir`. */
function packed(dir: string): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '-w', dir], {
    cwd: repo,
    encoding: 'utf8',
  });
  const [result] = JSON.parse(output) as { files: { path: string }[] }[];
  return result!.files.map((file) => file.path);
}

describe('published packages', () => {
  for (const dir of ['packages/sdk', 'packages/contract']) {
    it(`${dir}: README, code and typings, no .tsbuildinfo`, () => {
      const files = packed(dir);
      for (const wanted of ['README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts']) {
        assert.ok(files.includes(wanted), `${dir} publishes ${wanted}`);
      }
      assert.deepEqual(
        files.filter((file) => file.endsWith('.tsbuildinfo')),
        [],
      );
      const manifest = JSON.parse(readFileSync(`${repo}${dir}/package.json`, 'utf8')) as { license?: string };
      assert.equal(manifest.license, 'EUPL-1.2', 'the licence by its SPDX identifier');
    });

    it(`${dir}/README.md: its relative links resolve and it points to the developers' guide`, () => {
      const readme = join(repo, dir, 'README.md');
      const targets = [...readFileSync(readme, 'utf8').matchAll(/\]\(([^)#:]+)\)/gu)].map(([, target]) => target!);
      assert.ok(targets.includes('../../docs/developers.md'));
      for (const target of targets) assert.ok(existsSync(join(dirname(readme), target)), `${target} exists`);
    });
  }

  // EUPL-1.2 §5 asks that a copy of the licence goes with every copy of the work; the SPDX id alone is not that.
  for (const dir of [
    'packages/contract',
    'packages/sdk',
    'packages/element',
    'packages/server',
    'packages/eherkenning-sim',
  ]) {
    it(`${dir}: publishes the licence text, the same as the repository's`, () => {
      assert.ok(packed(dir).includes('LICENSE'), `${dir} publishes LICENSE`);
      const text = readFileSync(join(repo, dir, 'LICENSE'), 'utf8');
      assert.match(text, /^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2\n/u);
      assert.equal(text, readFileSync(join(repo, 'LICENSE'), 'utf8'));
    });
  }
});
