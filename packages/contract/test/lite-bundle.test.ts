import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

interface Bundle {
  /** Every module the build loaded, whether or not any of its code was kept. */
  readonly loaded: readonly string[];
  /** The modules with code in the output. */
  readonly bundled: readonly string[];
}

/** Bundles `entry` with Vite, resolved as the browser build resolves it. */
async function bundle(entry: string): Promise<Bundle> {
  const loaded: string[] = [];
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source'] },
    plugins: [
      {
        name: 'record-loaded-modules',
        load(id) {
          loaded.push(id);
          return null;
        },
      },
    ],
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['es'], fileName: 'entry' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const bundled = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : []));
  return { loaded, bundled };
}

const isZod = (id: string) => /[\\/]node_modules[\\/]zod[\\/]/u.test(id) || /[\\/]src[\\/]zod-config\.ts$/u.test(id);

// Tree-shaking alone would drop most of zod from a bundle that imports a zod module for a constant; the lite entry
// must not even load one, so that no change to a shared module can bring zod back into the browser unnoticed.
describe('lite entry bundle (issue 6 / contract)', () => {
  it('loads no zod module and no zod-config, so the browser build that uses it carries no zod', async () => {
    const { loaded, bundled } = await bundle('../src/lite/index.ts');
    assert.ok(
      bundled.some((id) => id.endsWith('/src/lite/schema.ts')),
      'the bundle holds the lite schemas',
    );
    assert.deepEqual(loaded.filter(isZod), []);
    assert.deepEqual(bundled.filter(isZod), []);
  });

  it('tells zod apart: the main entry loads and bundles it', async () => {
    const { loaded, bundled } = await bundle('../src/index.ts');
    assert.ok(loaded.some(isZod));
    assert.ok(bundled.some(isZod));
  });
});
