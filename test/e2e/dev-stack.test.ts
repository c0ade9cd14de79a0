// `npm start`'s stack (scripts/stack.mjs), as a web editor and a developer meet it: the server's APP_URL is the page
// that hosts the element (a failed eHerkenning return and the mails' links landed on the examples index, which has
// none), Ctrl-C stops at once (the server's 5 s SHUTDOWN_DRAIN is for load balancers), and a newcomer's first walk
// through it in Chromium, with the code read on the dev mailbox page, ends at "Jouw account is geverifieerd!".
// (The simulator's form-action for every allowed origin is tested in packages/eherkenning-sim/test/simulator.test.ts.)
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { freePort, startStack } from '../../scripts/stack.mjs';
import { signUpToSupplier } from './helpers/journeys.ts';
import { newPerson } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import { JOURNEY_TIMEOUT } from './helpers/stack.ts';
import { OnboardingPage } from './pages/onboarding.ts';

/** The dev mailbox page read as a newcomer reads it: the newest mail to the address, its six-digit code. */
function devMailbox(page: Page, mailboxUrl: string) {
  const seen = new Map<string, number>();
  return {
    async nextCode(address: string): Promise<string> {
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.goto(mailboxUrl);
        const mails = page.getByRole('article').filter({ hasText: address });
        const count = await mails.count();
        if (count > (seen.get(address) ?? 0)) {
          seen.set(address, count);
          const code = /\b(\d{6})\b/.exec(await mails.first().innerText())?.[1];
          if (code) return code;
        }
        assert.ok(Date.now() < deadline, `no new mail to ${address} on ${mailboxUrl}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    },
  };
}

/**
 * A web editor's own page on another origin with docs/editors.md's two lines, pointed at the stack: the CDN file and
 * the API by absolute address.
 */
async function editorPage(port: number, site: string): Promise<Server> {
  const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Eigen pagina</title>
<link rel="icon" href="data:,">
<script type="module" src="${site}cdn/wt-onboarding.js"></script></head>
<body><wt-onboarding api-base="${site}api/v1"></wt-onboarding></body></html>`;
  const server = createServer((_request, response) => {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  return server;
}

describe('npm start stack', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-dev-stack-'));
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  let editorPort = 0;
  let editor: Server | undefined;
  before(async () => {
    editorPort = Number(await freePort());
    stack = await startStack({
      port: Number(await freePort()),
      simPort: Number(await freePort()),
      webPort: Number(await freePort()),
      dataDir,
      // What `ALLOWED_ORIGINS=http://localhost:<port> npm start` passes.
      extraOrigins: [`http://localhost:${editorPort}`],
    });
    editor = await editorPage(editorPort, stack.url);
  });
  after(async () => {
    editor?.close();
    await stack?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Chromium on a fresh profile (one person on one device), with a second tab for the dev mailbox. */
  async function inChromium(journey: (page: Page, mailbox: ReturnType<typeof devMailbox>) => Promise<void>) {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed: apt-get install -y chromium');
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await journey(page, devMailbox(await context.newPage(), stack!.mailboxUrl));
    } finally {
      await browser.close();
    }
  }

  it('a failed eHerkenning return lands on the page with the element, not the examples index', async () => {
    const response = await fetch(`${stack!.apiUrl}/eherkenning/callback?state=junk&code=junk`, { redirect: 'manual' });
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('location') ?? '', stack!.url);
    assert.equal(location.pathname, '/cms-paste-in/');
    assert.equal(location.searchParams.get('wt-eherkenning'), 'failed');
    const page = await (await fetch(location)).text();
    assert.match(page, /<wt-onboarding\b/);
  });

  it(
    'a newcomer signs up to "Jouw account is geverifieerd!" in Chromium, the code read in the dev mailbox',
    JOURNEY_TIMEOUT,
    async () => {
      await inChromium(async (page, mailbox) => {
        await page.goto(new URL('cms-paste-in/', stack!.url).href);
        const app = new OnboardingPage(page);
        await signUpToSupplier(app, mailbox, newPerson());
        await app.supplier.choose();
        const login = new SimulatorLoginPage(page);
        await login.waitUntilShown(stack!.issuer);
        await login.logInAs(IDENTITY.firstAdministrator);
        await app.verified.waitUntilShown();
        assert.equal(new URL(page.url()).pathname, '/cms-paste-in/');
      });
    },
  );

  it(
    "a web editor's own page on another origin, allowed by ALLOWED_ORIGINS, gets the whole flow and the return from eHerkenning",
    JOURNEY_TIMEOUT,
    async () => {
      await inChromium(async (page, mailbox) => {
        const errors: string[] = [];
        // CORS refusals and failed requests show here; the simulator's pages have no icon, which nobody sees.
        page.on('console', (message) => {
          const { url } = message.location();
          if (message.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(`${message.text()} (${url})`);
        });
        await page.goto(`http://localhost:${editorPort}/`);
        const app = new OnboardingPage(page);
        await signUpToSupplier(app, mailbox, newPerson('Bram', 'Jansen'));
        await app.supplier.choose();
        const login = new SimulatorLoginPage(page);
        await login.waitUntilShown(stack!.issuer);
        // Chromium checks the login form's form-action against every redirect after the POST, up to this page.
        await login.logInAs(IDENTITY.secondCompany);
        await app.verified.waitUntilShown();
        assert.equal(new URL(page.url()).origin, `http://localhost:${editorPort}`);
        assert.deepEqual(errors, []);
      });
    },
  );

  it('stops at once: no drain period for a load balancer that is not there', async () => {
    const started = Date.now();
    const { forced } = await stack!.stop();
    stack = undefined;
    assert.deepEqual(forced, []);
    assert.ok(Date.now() - started < 3000, `stopped in ${Date.now() - started} ms`);
  });
});
