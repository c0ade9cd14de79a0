import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningSimulator } from '@wij-techniek/eherkenning-sim';
import { createServer, type AntiAutomation, type RunningServer } from '@wij-techniek/onboarding-server';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createServer as createViteServer, type Plugin, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';
import { Mailbox } from './mailbox.ts';
import { E2E_CLIENT, startE2eSimulator } from './sim.ts';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../pages-fixtures/', import.meta.url));

/**
 * The strict Content Security Policy of the element's issue (SECURITY.md W1): no inline script or style, no eval,
 * Trusted Types with only lit-html's policy. The SDK needs nothing beyond `'self'` (its fetches go to the same
 * origin, zod runs jitless), so nothing else is named.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** The query that makes the stack serve the CMS page as-is with {@link STRICT_CSP}: `/cms-paste-in/?csp=strict`. */
export const STRICT_CSP_QUERY = 'csp=strict';

/** The whole product, running for one test file. */
export interface E2eStack {
  /** The example site's origin as the browser sees it, e.g. `http://localhost:41234` (no trailing slash). */
  readonly site: string;
  readonly server: RunningServer;
  readonly mailbox: Mailbox;
  readonly simulator: RunningSimulator;
  /** Which database the server runs on. */
  readonly database: 'pglite' | 'postgres';
  /** A new browser context (own cookies and storage) for one test. */
  newContext(options?: { locale?: string }): Promise<BrowserContext>;
  /** Stops everything and removes the temporary database. */
  close(): Promise<void>;
}

/** What a test file may change of the stack it starts. */
export interface E2eStackOptions {
  /** The server's anti-automation hook (SECURITY.md R5), as a deployment passes it to `createServer`. */
  readonly antiAutomation?: AntiAutomation;
}

/** A free port on loopback (for the site, whose origin the simulator must know before anything listens). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Serves pages that Vite must not touch: the CMS page under the strict CSP (Vite's dev transform would add its
 * own client script) and the e2e fixture pages in `test/e2e/pages-fixtures/<name>.html` at `/e2e/<name>/`.
 * Both load only the CDN file, so what runs is what an editor pastes.
 */
function e2ePages(): Plugin {
  return {
    name: 'wt-e2e-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const url = new URL(request.url ?? '/', 'http://site.invalid');
        let file: string | undefined;
        let csp: string | undefined;
        if (url.pathname === '/cms-paste-in/' && url.searchParams.get('csp') === 'strict') {
          file = join(REPO, 'examples/cms-paste-in/index.html');
          csp = STRICT_CSP;
        } else {
          const fixture = /^\/e2e\/([a-z0-9-]+)\/$/.exec(url.pathname)?.[1];
          if (fixture) file = join(FIXTURES, `${fixture}.html`);
        }
        if (!file) return next();
        let html: Buffer;
        try {
          html = readFileSync(file);
        } catch {
          return next();
        }
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        if (csp) response.setHeader('Content-Security-Policy', csp);
        response.end(html);
      });
    },
  };
}

/** A fresh schema on the PostgreSQL of `DATABASE_URL`, dropped by the returned function. */
async function createSchema(databaseUrl: string): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `e2e_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

/**
 * Starts the real parts once per test file: a real SMTP server, the eHerkenning simulator, the onboarding server
 * (in this process, on a temporary PGlite directory — or on PostgreSQL in a schema of its own when `DATABASE_URL`
 * is set) and the example site on Vite with `/api` proxied to the server, all on loopback ports picked free.
 * Browsers see one origin (`http://localhost:<port>`) for the pages, the API and the eHerkenning callback,
 * exactly as `npm start` puts it together.
 */
export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('e2e stack: a part did not stop cleanly:', error);
      }
    }
  };
  const started = Date.now();
  const mark = (what: string) => {
    if (process.env.E2E_TIMING) console.log(`e2e stack: ${what} after ${Date.now() - started} ms`);
  };
  try {
    const webPort = await freePort();
    const site = `http://localhost:${webPort}`;

    const mailbox = await new Mailbox().start();
    cleanups.push(() => mailbox.stop());

    const simulator = await startE2eSimulator(site);
    cleanups.push(() => simulator.close());
    mark('simulator');

    const databaseUrl = process.env.DATABASE_URL;
    let database: Record<string, string>;
    let schema: string | undefined;
    if (databaseUrl) {
      const created = await createSchema(databaseUrl);
      schema = created.schema;
      cleanups.push(created.drop);
      database = { DATABASE_URL: databaseUrl };
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'wt-e2e-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      database = { DATA_DIR: dataDir };
    }

    const server = await createServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        PUBLIC_URL: site,
        APP_URL: `${site}/cms-paste-in/`,
        ALLOWED_ORIGINS: site,
        // Vite's proxy on loopback passes the browser's address on in X-Forwarded-For.
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SECRET: `e2e-secret-${randomBytes(16).toString('hex')}`,
        SMTP_URL: mailbox.url,
        MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
        // No load balancer sends requests after close(): stop at once instead of serving 5 s more.
        SHUTDOWN_DRAIN: '0',
        EHERKENNING_ISSUER: simulator.issuer,
        EHERKENNING_CLIENT_ID: E2E_CLIENT.clientId,
        EHERKENNING_CLIENT_SECRET: E2E_CLIENT.clientSecret,
        ...database,
      },
      ...(schema ? { databaseSchema: schema } : {}),
      // Cheaper hashing keeps the 2-core machine responsive; the parameters themselves are the server's tests' job.
      scrypt: { ln: 10, r: 8, p: 1 },
      // Every browser of this file comes from the same loopback address; per-address limits stay as they are.
      limits: {
        mailRequestsPerClient: { max: 1000, windowSeconds: 15 * 60 },
        codeAttemptsPerClient: { max: 1000, windowSeconds: 15 * 60 },
        loginsPerClient: { max: 1000, windowSeconds: 5 * 60 },
      },
      log: () => {},
      ...(options.antiAutomation ? { antiAutomation: options.antiAutomation } : {}),
    });
    cleanups.push(() => server.close());
    mark(`server on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`);

    // vite.config.ts reads where /api goes when it loads.
    process.env.API_TARGET = server.url;
    const vite: ViteDevServer = await createViteServer({
      configFile: join(REPO, 'vite.config.ts'),
      logLevel: 'error',
      plugins: [e2ePages()],
      server: { port: webPort, strictPort: true, host: 'localhost', hmr: false, ws: false },
    });
    cleanups.push(() => vite.close());
    await vite.listen();
    mark('vite');

    // Chromium starts with the first context: the Firefox journey uses this stack without it.
    let browser: Promise<Browser> | undefined;
    const chromiumBrowser = () =>
      (browser ??= chromium
        .launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
        .then((launched) => {
          mark('chromium');
          return launched;
        }));
    cleanups.push(async () => (browser ? (await browser).close() : undefined));

    return {
      site,
      server,
      mailbox,
      simulator,
      database: databaseUrl ? 'postgres' : 'pglite',
      async newContext(options = {}) {
        const context = await (await chromiumBrowser()).newContext({ locale: options.locale ?? 'nl-NL' });
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(60_000);
        return context;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The `before` hook's limit: PGlite's first start on a busy 2-core machine can take a minute or more. */
export const STACK_TIMEOUT = { timeout: 300_000 } as const;

/** One journey's limit: generous for a shared machine, but a hung browser still ends the run. */
export const JOURNEY_TIMEOUT = { timeout: 240_000 } as const;
