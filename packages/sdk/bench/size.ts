// `npm run bench -w packages/sdk`: what the SDK costs a page, minified and gzipped, per entry point (issue 5's goal:
// ≤ 5 KiB for the SDK's own code of the main entry). Bundled by Vite (rolldown) in library mode, as the element's
// CDN build bundles it; library mode keeps whitespace, so these are upper bounds. The element's CDN build then
// minifies its whole file once more (whitespace, top-level names): the last line of each entry shows the SDK's
// own code after that same pass, for comparison only. Nothing here asserts a number.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, minify, type Rollup } from 'vite';

interface Size {
  raw: number;
  gzip: number;
}

const GOAL = 5 * 1024;

const isZod = (id: string) => id === 'zod' || id.startsWith('zod/');
const isContract = (id: string) => id.startsWith('@wij-techniek/onboarding-contract');
const ownOnly = (id: string) => isContract(id) || isZod(id);

/** Bundles `entry` (relative to this file) with `external` left out, and returns the code. */
async function bundle(entry: string, external: (id: string) => boolean): Promise<string> {
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
  return chunks.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
}

const size = (code: string): Size => ({ raw: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).byteLength });

/** The second pass of the element's CDN build (packages/element/vite.config.ts, `minifyChunk`). */
async function fullyMinified(code: string): Promise<string> {
  return (await minify('sdk.js', code, { compress: { target: 'es2022' }, mangle: { toplevel: true } })).code;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
const row = (label: string, { raw, gzip }: Size) =>
  `${label.padEnd(68)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(6)} B gzip (${kib(gzip)})`;

const ENTRIES = [
  ['main entry', '../src/index.ts', '@wij-techniek/onboarding-sdk: everything a developer imports'],
  ['flow only', './flow-entry.ts', 'what <wt-onboarding> imports'],
  ['organisation entry', '../src/organisation/index.ts', '@wij-techniek/onboarding-sdk/organisation, standalone'],
] as const;

let mainOwn: Size | undefined;
for (const [name, entry, what] of ENTRIES) {
  console.log(`${name} (${what})`);
  const own = await bundle(entry, ownOnly);
  const ownSize = size(own);
  mainOwn ??= ownSize;
  console.log(row(`  ${name}: sdk own code (contract, zod external)`, ownSize));
  console.log(row(`  ${name}: + contract code used (zod external)`, size(await bundle(entry, isZod))));
  console.log(row(`  ${name}: + contract + zod/mini (what a page loads)`, size(await bundle(entry, () => false))));
  console.log(row(`  ${name}: sdk own code after the CDN build's full minify`, size(await fullyMinified(own))));
}
const own = mainOwn!.gzip;
console.log(
  `main entry's own code vs the 5 KiB goal: ${own <= GOAL ? 'within' : `OVER by ${own - GOAL} B`} (${kib(own)})`,
);
