// The published typings compile in a Node-only project: `lib: ["es2022"]`, `types: ["node"]`, `skipLibCheck:
// false`, no DOM library. The SDK's declarations are emitted from its build config into a temporary directory
// (nothing in the tree is written), then test/node-consumer/consumer.ts is compiled against them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const sdk = fileURLToPath(new URL('../', import.meta.url));
const repo = join(sdk, '../../');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const out = mkdtempSync(join(tmpdir(), 'wt-sdk-types-'));
after(() => rmSync(out, { recursive: true, force: true }));

/** Runs tsc with `args`; its output on failure. */
function compile(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [tsc, ...args], { cwd: sdk, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('typings in a Node-only project', () => {
  it('the emitted .d.ts compile with lib es2022, types node and skipLibCheck false (no lib dom)', () => {
    const dist = join(out, 'dist');
    const emitted = compile([
      ...['-p', 'tsconfig.build.json', '--outDir', dist, '--emitDeclarationOnly', '--declarationMap', 'false'],
      ...['--tsBuildInfoFile', join(out, 'build.tsbuildinfo')],
    ]);
    assert.ok(emitted.ok, emitted.output);

    writeFileSync(
      join(out, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          lib: ['es2022'],
          types: ['node'],
          typeRoots: [join(repo, 'node_modules/@types')],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          // The consumer imports the package by name; these point it at the declarations just emitted (and the
          // contract's, which they import), as npm would point it at the installed package.
          paths: {
            '@wij-techniek/onboarding-sdk': [join(dist, 'index.d.ts')],
            '@wij-techniek/onboarding-sdk/organisation': [join(dist, 'organisation/index.d.ts')],
            '@wij-techniek/onboarding-contract/lite': [join(repo, 'packages/contract/dist/lite/index.d.ts')],
          },
        },
        files: [join(sdk, 'test/node-consumer/consumer.ts')],
      }),
    );
    const consumer = compile(['-p', join(out, 'tsconfig.json')]);
    assert.ok(consumer.ok, consumer.output);
  });
});
