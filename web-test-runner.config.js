// Browser tests: the element's tests and every `*.browser.test.ts`, in Debian's Chromium, with msw's worker
// served from node_modules so no generated file is committed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';

const require = createRequire(import.meta.url);
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');

export default {
  files: ['packages/element/test/**/*.test.ts', 'packages/*/test/**/*.browser.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  plugins: [
    // The element's tsconfig carries experimentalDecorators; without it esbuild refuses Lit's field decorators.
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./packages/element/tsconfig.json', import.meta.url)),
    }),
  ],
  middleware: [
    function serveMswWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.body = mswWorker;
        return undefined;
      }
      return next();
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
  testFramework: { config: { timeout: 10000 } },
};
