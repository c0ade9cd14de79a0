// The `@example` blocks of the public JSDoc must compile: each is kept, verbatim, as a file in test-d/examples/,
// which typecheck compiles against the package's public types. This test fails when the two drift apart.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const root = new URL('../', import.meta.url);
const SOURCES = [
  'src/index.ts',
  'src/client.ts',
  'src/flow/flow.ts',
  'src/organisation/index.ts',
  'src/organisation/client.ts',
  'src/organisation/members.ts',
];

/** The code of every ```ts block under an `@example` tag in `file`. */
function examplesOf(file: string): string[] {
  const text = readFileSync(new URL(file, root), 'utf8');
  const blocks: string[] = [];
  for (const match of text.matchAll(/@example\n((?: \*.*\n)+?) \*\//gu)) {
    const lines = match[1]!.split('\n').map((line) => line.replace(/^ \* ?/u, ''));
    const code = /```ts\n([\s\S]*?)```/u.exec(lines.join('\n'))?.[1];
    if (code) blocks.push(code);
  }
  return blocks;
}

const compiled = readdirSync(new URL('test-d/examples/', root)).map((name) =>
  readFileSync(new URL(`test-d/examples/${name}`, root), 'utf8'),
);

describe('README examples compile', () => {
  for (const file of ['README.md', '../contract/README.md']) {
    it(`every \`\`\`ts block of ${file} is a compiled file in test-d/examples`, () => {
      const blocks = [...readFileSync(new URL(file, root), 'utf8').matchAll(/```ts\n([\s\S]*?)```/gu)];
      assert.ok(blocks.length > 0, `${file} has an example`);
      for (const [, code] of blocks) {
        assert.ok(
          compiled.some((source) => source.includes(code!)),
          `copy this example of ${file} into test-d/examples/:\n${code}`,
        );
      }
    });
  }
});

describe('JSDoc examples compile', () => {
  for (const file of SOURCES) {
    it(`every @example of ${file} is a compiled file in test-d/examples`, () => {
      const examples = examplesOf(file);
      assert.ok(examples.length > 0, `${file} has an @example`);
      for (const example of examples) {
        assert.ok(
          compiled.some((source) => source.includes(example)),
          `copy this @example of ${file} into test-d/examples/:\n${example}`,
        );
      }
    });
  }
});
