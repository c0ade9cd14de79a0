// `npm run bench -w packages/sdk`: what the SDK costs a page, minified and gzipped (issue 5's goal: ≤ 5 KiB for
// the SDK's own code). Bundled by Vite (rolldown) as the element's CDN build does; nothing here asserts a number.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

interface Size {
  raw: number;
  gzip: number;
}

const isZod = (id: string) => id === 'zod' || id.startsWith('zod/');
const isContract = (id: string) => id.startsWith('@wij-techniek/onboarding-contract');

/** Bundles `entry` (relative to this file) with `external` left out, and measures the code. */
async function measure(entry: string, external: (id: string) => boolean): Promise<Size> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL(entry, import.meta.url)), formats: ['es'], fileName: 'sdk' },
      rollupOptions: { external },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  const code = chunks.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
  return { raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).byteLength };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
const row = (label: string, size: Size) =>
  `${label.padEnd(52)} ${String(size.raw).padStart(7)} B raw ${String(size.gzip).padStart(6)} B gzip (${kib(size.gzip)})`;

const rows: [string, Size][] = [];
for (const [name, entry] of [
  ['index.ts', '../src/index.ts'],
  ['flow only', './flow-entry.ts'],
] as const) {
  rows.push([
    `${name}: sdk own code (contract, zod external)`,
    await measure(entry, (id) => isContract(id) || isZod(id)),
  ]);
  rows.push([`${name}: + contract code used (zod external)`, await measure(entry, isZod)]);
  rows.push([`${name}: + contract + zod/mini (what a page loads)`, await measure(entry, () => false)]);
}
for (const [label, size] of rows) console.log(row(label, size));
const own = rows[0]![1].gzip;
console.log(`sdk own code vs the 5 KiB goal: ${own <= 5 * 1024 ? 'within' : 'OVER'} (${kib(own)})`);
