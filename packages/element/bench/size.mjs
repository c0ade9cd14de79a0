// `npm run bench` (element): the size of each CDN file a page loads, raw, gzip and brotli, the onboarding's
// against the 20 KiB gzip budget (issue 6); and, to show where the bytes are, the same build of <wt-onboarding>
// alone, of the element's own code (Lit and the SDK left out), of Lit alone and of the SDK alone (with the contract
// and what it brings). Builds the CDN files first when one is missing.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build, createBuilder, defaultClientConditions, loadConfigFromFile, minify } from 'vite';

const here = fileURLToPath(new URL('..', import.meta.url));
const cdnFiles = ['wt-onboarding.js', 'wt-organisation-members.js'];
const BUDGET_GZIP = 20 * 1024;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

if (!cdnFiles.every((name) => existsSync(`${here}dist/cdn/${name}`))) {
  await (await createBuilder({ configFile: `${here}vite.config.ts`, logLevel: 'warn' })).buildApp();
}
for (const name of cdnFiles) {
  const code = readFileSync(`${here}dist/cdn/${name}`);
  console.log(
    `cdn ${name}: ${kib(code.length)} raw, ${kib(gzip(code))} gzip, ${kib(brotliCompressSync(code).length)} brotli`,
  );
}
const gz = gzip(readFileSync(`${here}dist/cdn/wt-onboarding.js`));
console.log(
  `cdn budget (wt-onboarding.js): ${kib(gz)} of ${kib(BUDGET_GZIP)} gzip (${gz <= BUDGET_GZIP ? 'within' : 'OVER'} budget)`,
);

// The CDN build's own plugins (the template minifier), so a share is built like the CDN file.
const cdnConfig = await loadConfigFromFile({ command: 'build', mode: 'production' }, `${here}vite.config.ts`);
const plugins = cdnConfig?.config.plugins ?? [];

/** Minified gzip size of one entry, built like the CDN file; `external` modules are left out. */
async function share(name, source, external = []) {
  const entry = `${here}bench/.entry-${name.replace(/\W+/gu, '-')}.js`;
  writeFileSync(entry, source);
  try {
    const out = await build({
      configFile: false,
      root: here,
      logLevel: 'silent',
      mode: 'production',
      plugins,
      resolve: { conditions: ['source', ...defaultClientConditions.filter((c) => c !== 'development')] },
      build: { write: false, minify: true, lib: { entry, formats: ['es'] }, rolldownOptions: { external } },
    });
    const bundle = (Array.isArray(out) ? out[0] : out).output[0].code;
    const min = (await minify(`${name}.js`, bundle, { compress: { target: 'es2022' }, mangle: { toplevel: true } }))
      .code;
    console.log(`share ${name}: ${kib(min.length)} raw, ${kib(gzip(min))} gzip`);
  } finally {
    rmSync(entry, { force: true });
  }
}

await share(
  'wt-onboarding alone',
  "import { WtOnboarding } from '../src/onboarding.ts'; customElements.define('wt-onboarding', WtOnboarding);",
);
await share(
  'wt-onboarding own code',
  "import { WtOnboarding } from '../src/onboarding.ts'; customElements.define('wt-onboarding', WtOnboarding);",
  [/^lit(?:\/|$)/u, /^@lit\//u, /^@wij-techniek\//u],
);
await share('lit', "export * from 'lit'; export * from 'lit/decorators.js'; export * from '@lit/task';");
await share('sdk', "export { createOnboardingFlow, checkPassword } from '@wij-techniek/onboarding-sdk';");
