// The dev server of the example pages (`npm start` runs it; `npx vite` works too when the API runs elsewhere).
//
// - root `examples/`: http://localhost:5173/ lists the examples;
// - `/api` is proxied to the onboarding server, so the element, the API and the eHerkenning callback share one
//   origin and one cookie (DESIGN.md "Where things run");
// - the `source` condition makes `@wij-techniek/*` imports resolve to the packages' TypeScript sources;
// - `/cdn/wt-onboarding.js` and `/cdn/wt-organisation-members.js` are the element's CDN single-file builds,
//   served byte for byte as a CDN would.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
const examples = join(repo, 'examples');

/** Where `/api` goes: `API_TARGET`, else the server's default address on `PORT` (8787). */
const apiTarget = process.env.API_TARGET ?? `http://127.0.0.1:${process.env.PORT ?? '8787'}`;

/** Every example page that exists, for a multi-page build (headless-sdk is written with the SDK). */
const pages = Object.fromEntries(
  ['index', 'cms-paste-in/index', 'themed/index', 'headless-sdk/index']
    .map((name) => [name, join(examples, `${name}.html`)] as const)
    .filter(([, file]) => existsSync(file)),
);

/** The CDN files by the URL a page loads them from; the element's one build writes them all. */
const cdnFiles = new Map<string, string>(
  ['wt-onboarding.js', 'wt-organisation-members.js'].map((name) => [
    `/cdn/${name}`,
    join(repo, 'packages/element/dist/cdn', name),
  ]),
);
const PRE_TRANSFORM_STAND_IN = '\0wt-cdn-stand-in';
const elementConfig = join(repo, 'packages/element/vite.config.ts');
/** The sources the CDN file is built from: it is rebuilt when one of them is newer. */
const cdnSources = ['packages/element/src', 'packages/sdk/src', 'packages/contract/src'].map((dir) => join(repo, dir));

function newestChange(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs the element's CDN build in its own process: inside the dev server `NODE_ENV` is `development`, which would
 * make the build pick Lit's dev-mode code; a CDN file is always a production build.
 */
function buildCdnFile(): Promise<void> {
  return new Promise((resolve, reject) => {
    const vite = join(repo, 'node_modules/.bin/vite');
    const child = spawn(vite, ['build', '--config', elementConfig, '--logLevel', 'warn'], {
      cwd: repo,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`the element's CDN build failed:\n${errors.trim()}`)),
    );
  });
}

/** Builds the CDN files when one is missing or older than the sources; one build at a time. */
function cdnBuilder(): () => Promise<void> {
  let building: Promise<void> | undefined;
  return async () => {
    const files = [...cdnFiles.values()];
    const stale =
      !files.every((file) => existsSync(file)) ||
      Math.max(...cdnSources.map(newestChange)) > Math.min(...files.map((file) => statSync(file).mtimeMs));
    if (!stale) return;
    if (!existsSync(elementConfig)) throw new Error(`/cdn/: the element has no build yet (${elementConfig})`);
    building ??= buildCdnFile().finally(() => (building = undefined));
    await building;
  };
}

/**
 * Serves the element's CDN build at `/cdn/wt-onboarding.js` (the URL the CMS page pastes) and
 * `/cdn/wt-organisation-members.js` byte for byte, as a
 * CDN would, building it with the element's own vite config first when needed.
 */
function cdnBundle(): Plugin[] {
  const ensureBuilt = cdnBuilder();
  return [
    {
      name: 'wt-cdn-bundle:serve',
      apply: 'serve',
      configureServer(server) {
        server.middlewares.use((request, response, next) => {
          const cdnFile = cdnFiles.get(request.url?.split('?')[0] ?? '');
          if (!cdnFile) return next();
          ensureBuilt()
            .then(() => readFileSync(cdnFile))
            .then(
              (bundle) => {
                response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
                response.setHeader('Cache-Control', 'no-cache');
                // As a CDN serves it: a page on any origin may load the module.
                response.setHeader('Access-Control-Allow-Origin', '*');
                response.end(bundle);
              },
              (error: unknown) => {
                server.config.logger.error(String(error));
                response.statusCode = 503;
                response.setHeader('Content-Type', 'text/plain; charset=utf-8');
                response.end(`${String(error)}\nRun \`npm run build\` and reload.`);
              },
            );
        });
      },
    },
    {
      // In a build of the examples, the CMS page's <script src="/cdn/…"> resolves to the same file.
      name: 'wt-cdn-bundle:build',
      apply: 'build',
      async resolveId(id) {
        const cdnFile = cdnFiles.get(id);
        if (!cdnFile) return null;
        await ensureBuilt();
        return cdnFile;
      },
    },
    {
      // In dev the middleware above answers the browser; Vite's own pre-transform of the <script src> gets an
      // empty stand-in, so it neither builds nor reports a file the element build may be rewriting.
      name: 'wt-cdn-bundle:pre-transform',
      apply: 'serve',
      resolveId: (id) => (cdnFiles.has(id) ? PRE_TRANSFORM_STAND_IN : null),
      load: (id) => (id === PRE_TRANSFORM_STAND_IN ? 'export {};' : null),
    },
  ];
}

export default defineConfig({
  root: examples,
  appType: 'mpa',
  resolve: {
    conditions: ['source', ...defaultClientConditions],
  },
  plugins: [...cdnBundle()],
  server: {
    host: 'localhost',
    port: Number(process.env.WEB_PORT ?? 5173),
    strictPort: true,
    // Vite's own CORS would answer the preflights of `/api` itself, without `Access-Control-Allow-Credentials`, so
    // a page on another origin (listed in ALLOWED_ORIGINS) failed there; the server's CORS answers instead.
    cors: false,
    proxy: {
      // changeOrigin stays false: the server checks the browser's own Origin against ALLOWED_ORIGINS.
      '/api': { target: apiTarget, changeOrigin: false, xfwd: true },
    },
  },
  build: {
    outDir: join(repo, 'dist/examples'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { input: pages },
  },
});
