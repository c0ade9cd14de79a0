// SECURITY.md W3: no secrets in storage that the page's script can read. After the whole flow — sign-up and
// eHerkenning — localStorage, sessionStorage, IndexedDB, Cache Storage and document.cookie hold no session id,
// verification code, password, eHerkenning state, nonce or PKCE verifier, authorization code, or the broker's
// tokens. The state, nonce and code come from the browser's own requests, the verifier from the server's pending
// transaction, the tokens from the server's token request to the broker (the server runs in this process).
// sign-up.test.ts checks the session ids, the password and the code on its journey; this adds the eHerkenning values.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Response } from 'playwright-core';
import { inBrowser } from './helpers/browser.ts';
import { signUpToSupplier } from './helpers/journeys.ts';
import { newPerson } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { MESSAGES } from './pages/labels.ts';
import { OnboardingPage } from './pages/onboarding.ts';

/** The broker's token answers the in-process server received: wraps `fetch`, which its relying party uses. */
function tapTokenAnswers(issuer: string, into: Record<string, unknown>[]): () => void {
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(new URL(issuer).origin)) {
      const body = (await response
        .clone()
        .json()
        .catch(() => undefined)) as Record<string, unknown> | undefined;
      if (body && 'id_token' in body) into.push(body);
    }
    return response;
  };
  return () => {
    globalThis.fetch = original;
  };
}

describe('W3: nothing secret where the page’s script can read it', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'W3: after sign-up and eHerkenning, web storage, IndexedDB, Cache Storage and document.cookie hold no session id, code, password, state, nonce, verifier or token',
    JOURNEY_TIMEOUT,
    async () => {
      const tokenAnswers: Record<string, unknown>[] = [];
      const untap = tapTokenAnswers(stack.simulator.issuer, tokenAnswers);
      const secrets: Record<string, string> = {};
      const sessionCookies: string[] = [];
      try {
        await inBrowser(stack, 'w3-storage', async (page) => {
          page.on('request', (request) => {
            const url = new URL(request.url());
            if (url.searchParams.has('code_challenge')) {
              secrets.state = url.searchParams.get('state') ?? '';
              secrets.nonce = url.searchParams.get('nonce') ?? '';
              secrets.codeChallenge = url.searchParams.get('code_challenge') ?? '';
            }
            if (url.pathname === '/api/v1/eherkenning/callback') {
              secrets.authorizationCode = url.searchParams.get('code') ?? '';
            }
          });
          page.on('response', (response: Response) => {
            void response.headerValue('set-cookie').then((header) => {
              for (const line of (header ?? '').split('\n')) {
                const value = /wt_session=([^;]+)/u.exec(line)?.[1];
                if (value) sessionCookies.push(value);
              }
            });
          });
          const app = new OnboardingPage(page);
          const person = newPerson('Wieke', 'Drost');
          secrets.password = person.password;
          await app.open(`${stack.site}/cms-paste-in/`);
          await signUpToSupplier(app, stack.mailbox, person);
          secrets.code = /\b(\d{6})\b/u.exec(stack.mailbox.all(person.email).at(-1)!.subject)![1]!;

          await app.supplier.choose();
          const simulator = new SimulatorLoginPage(page);
          await simulator.waitUntilShown(stack.simulator.issuer);
          // While the person is at the broker, the server holds the PKCE verifier of this transaction.
          const pending = await stack.server.context.db.query<{ code_verifier: string }>(
            'SELECT code_verifier FROM eherkenning_transactions WHERE state_hash = $1',
            [createHash('sha256').update(secrets.state!).digest('hex')],
          );
          secrets.codeVerifier = pending.rows[0]?.code_verifier ?? '';
          await simulator.logInAs(IDENTITY.firstAdministrator);
          await app.verified.waitUntilShown();
          await app.verified.waitForMessage(MESSAGES.nl.administrator);

          assert.equal(tokenAnswers.length, 1, 'the server’s token answer from the broker was seen');
          for (const [name, value] of Object.entries(tokenAnswers[0]!)) {
            if (name.endsWith('_token') && typeof value === 'string') secrets[name] = value;
          }
          sessionCookies.forEach((value, index) => {
            secrets[`sessionId${index}`] = value;
          });
          for (const name of [
            'password',
            'code',
            'state',
            'nonce',
            'codeChallenge',
            'codeVerifier',
            'authorizationCode',
            'id_token',
            'access_token',
            'sessionId0',
            'sessionId1',
          ]) {
            assert.ok((secrets[name]?.length ?? 0) >= 6, `captured ${name}`);
          }

          // Everything the page's script can read, on the page the person ends on.
          const readable = await page.evaluate(async () => ({
            cookie: document.cookie,
            // Inline, no named helper: the page runs this function's source as it is.
            localStorage: Object.entries({ ...localStorage }),
            sessionStorage: Object.entries({ ...sessionStorage }),
            indexedDb: (await indexedDB.databases()).map((database) => database.name ?? ''),
            caches: await caches.keys(),
          }));
          const text = JSON.stringify(readable);
          const found = Object.entries(secrets)
            .filter(([, value]) => text.includes(value))
            .map(([name]) => name);
          assert.deepEqual(found, [], `readable by the page: ${text}`);
          assert.doesNotMatch(readable.cookie, /wt_session/u, 'the session cookie is HttpOnly');
          assert.deepEqual(readable.indexedDb, [], 'nothing is kept in IndexedDB');
          assert.deepEqual(readable.caches, [], 'nothing is kept in Cache Storage');
        });
      } finally {
        untap();
      }
    },
  );
});
