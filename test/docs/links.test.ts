// Every relative link in README.md and docs/*.md resolves to a file, and every #anchor to a heading (issue 7:
// "Every link in README and docs resolves"). The checker itself is tested on a small tree with known faults, so
// a checker that accepts everything cannot pass.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { anchorsOf, checkLinks, documentationFiles, slug } from '../../scripts/check-links.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));

describe('documentation links', () => {
  it('every relative link in README.md and docs/*.md resolves, anchors included', () => {
    const files = documentationFiles(repo);
    assert.ok(files.includes('README.md'), 'README.md is checked');
    const broken = checkLinks(repo, files).map((link) => `${link.file}:${link.line} ${link.target}: ${link.reason}`);
    assert.deepEqual(broken, []);
  });

  it('the guides README.md points to exist', () => {
    const files = documentationFiles(repo);
    for (const guide of ['docs/editors.md', 'docs/designers.md', 'docs/developers.md', 'docs/operators.md']) {
      assert.ok(files.includes(guide), `${guide} exists`);
    }
  });
});

describe('the link checker', () => {
  const root = mkdtempSync(join(tmpdir(), 'wt-links-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'docs'));
  writeFileSync(join(root, 'docs/guide.md'), '# Guide\n\n## Eén `code` stap?\n\n## Step\n\n## Step\n');
  writeFileSync(
    join(root, 'README.md'),
    [
      '[ok](docs/guide.md) [ok anchor](docs/guide.md#eén-code-stap) [repeat](docs/guide.md#step-1)',
      '[missing file](docs/nope.md)',
      '[missing anchor](docs/guide.md#nope)',
      '[external](https://example.invalid/x) [mail](mailto:a@example.invalid)',
      '```',
      '[in code](docs/also-nope.md)',
      '```',
      '[ref]: docs/gone.md',
      '![shot](docs/screenshots/start.png)',
    ].join('\n'),
  );

  it('reports missing files, missing anchors, reference links and images, with their lines', () => {
    const broken = checkLinks(root, ['README.md', 'docs/guide.md']);
    assert.deepEqual(
      broken.map((link) => [link.line, link.target]),
      [
        [2, 'docs/nope.md'],
        [3, 'docs/guide.md#nope'],
        [8, 'docs/gone.md'],
        [9, 'docs/screenshots/start.png'],
      ],
    );
  });

  it('makes the anchors GitHub makes', () => {
    assert.equal(slug('Eén `code` stap?'), 'eén-code-stap');
    assert.equal(slug('PGlite vs. PostgreSQL'), 'pglite-vs-postgresql');
    assert.deepEqual([...anchorsOf('# A\n# A\n<a id="x"></a>')], ['a', 'a-1', 'x']);
  });
});
