// SECURITY.md W4: clickjacking. A page on another site frames the adapter's pages — the dev mailbox (its one HTML
// page), JSON answers, health, a 404 — and Chromium renders none of them (`frame-ancestors 'none'`). The callback
// answers with a redirect, which browsers do not check against frame-ancestors: the frame ends on APP_URL, the host
// page, which its own frame-ancestors must protect (the element lives there). What the adapter guarantees for the
// callback is that nothing of its own renders and that, framed, it changes nothing: the session cookie
// (SameSite=Lax) is not sent into another site's frame, so the callback finds no session. Every answer's header is
// checked in packages/server/test/security/w6-headers-every-route.test.ts.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer, type RunningServer } from '@wij-techniek/onboarding-server';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium.mjs';
import { STACK_TIMEOUT } from './helpers/stack.ts';

/** Pages of the adapter a framing page might try to show, below the adapter's origin. */
const FRAMED = ['/api/dev/mailbox.html', '/api/v1/config', '/api/v1/session', '/healthz', '/api/v1/nowhere'];
const CALLBACK = '/api/v1/eherkenning/callback?code=framed-code&state=framed-state-0123456789012345678901234567';

/** A plain HTTP server on `host` that answers every request with `html`. */
async function pageServer(host: string, html: (url: string) => string): Promise<{ server: Server; origin: string }> {
  const server = createHttpServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html(request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, origin: `http://${host}:${(server.address() as AddressInfo).port}` };
}

describe('W4: another site cannot frame the adapter', () => {
  let dataDir: string;
  let adapter: RunningServer;
  let api: string;
  let host: { server: Server; origin: string };
  let attacker: { server: Server; origin: string };
  let browser: Browser;
  const logs: string[] = [];

  before(async () => {
    // The host page (APP_URL) and the framing page are on other sites than the adapter (localhost).
    host = await pageServer('127.0.0.2', () => '<!doctype html><title>Host</title><p>host page</p>');
    dataDir = mkdtempSync(join(tmpdir(), 'wt-e2e-w4-'));
    adapter = await createServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        PUBLIC_URL: 'http://localhost:8787',
        APP_URL: `${host.origin}/aanmelden`,
        ALLOWED_ORIGINS: host.origin,
      },
      scrypt: { ln: 10, r: 8, p: 1 },
      log: (line) => logs.push(line),
    });
    api = adapter.url.replace('127.0.0.1', 'localhost');
    attacker = await pageServer('127.0.0.1', () =>
      [...FRAMED, CALLBACK].map((path, index) => `<iframe name="f${index}" src="${api}${path}"></iframe>`).join('\n'),
    );
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  }, STACK_TIMEOUT);
  after(async () => {
    await browser?.close();
    attacker?.server.close();
    host?.server.close();
    await adapter?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A signed-in session on the adapter, made as the element would make it; its cookie. */
  async function signedInCookie(): Promise<{ name: string; value: string }> {
    let cookie = '';
    const call = async (path: string, body?: unknown) => {
      const response = await fetch(`${api}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { origin: host.origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const set = response.headers.getSetCookie()[0];
      if (set) cookie = set.split(';')[0]!;
      return (await response.json()) as Record<string, unknown>;
    };
    const email = `w4.${Date.now()}@example.test`;
    await call('/signup/email', { email });
    await adapter.outbox.drain();
    const { mails } = (await (await fetch(`${api}/api/dev/mailbox`)).json()) as {
      mails: { to: string; subject: string }[];
    };
    const code = /\b(\d{6})\b/u.exec(mails.find((mail) => mail.to === email)!.subject)![1]!;
    await call('/signup/code', { code });
    const created = await call('/signup/account', { password: 'Zonnebloem#2024x', firstName: 'Wim', lastName: 'Vos' });
    assert.equal((created.account as { email: string }).email, email);
    const [name, ...value] = cookie.split('=');
    return { name: name!, value: value.join('=') };
  }

  it('W4: a page on another site that frames the adapter or its callback renders none of it, and the callback changes nothing', async () => {
    const context = await browser.newContext();
    try {
      // The person is signed in to the adapter in this browser.
      const cookie = await signedInCookie();
      await context.addCookies([{ ...cookie, url: api, httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors 'none'/u.test(message.text())) blocked.push(message.text());
      });
      const before = logs.length;
      await page.goto(`${attacker.origin}/`, { waitUntil: 'load' });

      for (const [index, path] of FRAMED.entries()) {
        const frame = page.frame({ name: `f${index}` });
        assert.ok(frame, `the frame of ${path} exists`);
        assert.equal(frame.url(), 'chrome-error://chromewebdata/', `${path} was not rendered in the frame`);
      }
      assert.equal(blocked.length, FRAMED.length, `the browser said why, once per page: ${blocked.join(' | ')}`);

      // The callback redirected to the host page; nothing of the adapter is in the frame.
      const callback = page.frame({ name: `f${FRAMED.length}` })!;
      const landed = new URL(callback.url());
      assert.equal(`${landed.origin}${landed.pathname}`, `${host.origin}/aanmelden`, 'the frame shows the host page');
      assert.equal(landed.searchParams.get('wt-eherkenning'), 'failed');
      // Framed by another site, the callback did not get the session cookie: it acted on no one.
      const records = logs.slice(before).map((line) => JSON.parse(line) as { event: string; reason?: string });
      const failure = records.find((record) => record.event === 'eherkenning_failed');
      assert.equal(failure?.reason, 'no_session', 'the session cookie stayed out of the other site’s frame');
      const { rows } = await adapter.context.db.query<{ n: number }>(
        'SELECT (SELECT count(*)::int FROM memberships) + (SELECT count(*)::int FROM eherkenning_identities) AS n',
      );
      assert.equal(rows[0]!.n, 0, 'nothing was bound');
      // The cookie is there for the adapter's own pages: opened on their own, the person is signed in.
      const own = await page.goto(`${api}/api/v1/session`);
      assert.equal(((await own!.json()) as { account: unknown }).account !== null, true, 'signed in at the top level');
    } finally {
      await context.close();
    }
  });
});
