import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { inBrowser } from './helpers/browser.ts';
import { signUpToSupplier } from './helpers/journeys.ts';
import { newPerson } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import {
  JOURNEY_TIMEOUT,
  STACK_TIMEOUT,
  startE2eStack,
  STRICT_CSP,
  STRICT_CSP_QUERY,
  type E2eStack,
} from './helpers/stack.ts';
import { collectViolations, type Violation } from './helpers/csp-violations.ts';
import { MESSAGES } from './pages/labels.ts';
import { OnboardingPage } from './pages/onboarding.ts';

describe('The CMS page under a strict Content Security Policy', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'runs the whole journey with zero securitypolicyviolation events and no console errors (W1)',
    JOURNEY_TIMEOUT,
    async () => {
      const violations: Violation[] = [];
      const consoleErrors: string[] = [];
      const collect = (context: BrowserContext) => collectViolations(context, violations);
      await inBrowser(
        stack,
        'strict-csp',
        async (page) => {
          page.on('console', (message) => {
            const where = message.location().url;
            // The browser's own favicon request (no page asks for one) is not the page's doing.
            if (where.endsWith('/favicon.ico')) return;
            if (message.type() === 'error') consoleErrors.push(`${message.text()} (${where})`);
          });
          page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
          const app = new OnboardingPage(page);
          const url = `${stack.site}/cms-paste-in/?${STRICT_CSP_QUERY}`;
          const response = await page.goto(url);
          assert.equal(
            response?.headers()['content-security-policy'],
            STRICT_CSP,
            'the page is served with the policy',
          );
          await signUpToSupplier(app, stack.mailbox, newPerson('Noor', 'Bakker'));
          await app.supplier.choose();
          const simulator = new SimulatorLoginPage(page);
          await simulator.waitUntilShown(stack.simulator.issuer);
          await simulator.logInAs(IDENTITY.firstAdministrator);
          await app.verified.waitUntilShown();
          await app.verified.waitForMessage(MESSAGES.nl.administrator);
          // Back on the page under the policy (the return address kept its query).
          assert.equal(new URL(page.url()).search, `?${STRICT_CSP_QUERY}`);
          assert.equal(
            (await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')))) ??
              '',
            STRICT_CSP,
          );

          assert.deepEqual([...violations], [], 'no securitypolicyviolation during the journey');
          assert.deepEqual(consoleErrors, [], 'no console errors during the journey');

          // The collector itself works: a string assigned to innerHTML is what Trusted Types refuses.
          await page.evaluate(() => {
            try {
              document.body.insertAdjacentHTML('beforeend', '<b>not trusted</b>');
            } catch {
              // refused, as it should be
            }
          });
          await waitUntil(() => violations.length > 0);
          assert.equal(violations[0]?.directive, 'require-trusted-types-for');
        },
        { prepare: collect },
      );
    },
  );

  it(
    'shows both elements on one page whose policy allows the lit-html name twice, as docs/editors.md says (W1)',
    JOURNEY_TIMEOUT,
    async () => {
      const violations: Violation[] = [];
      const errors: string[] = [];
      await inBrowser(
        stack,
        'strict-csp-both',
        async (page) => {
          page.on('console', (message) => {
            if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) {
              errors.push(message.text());
            }
          });
          page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
          await page.goto(`${stack.site}/e2e/both-strict-csp/`);
          // Each CDN file carries its own Lit, and each Lit makes a policy named lit-html: without
          // 'allow-duplicates' the second file stops at that line and its tag is never defined.
          await page.getByRole('button', { name: 'Start hier' }).waitFor();
          await page.getByText('Je bent niet (meer) ingelogd').waitFor();
          assert.deepEqual(
            await page.evaluate(() =>
              ['wt-onboarding', 'wt-organisation-members'].map((tag) => !!customElements.get(tag)),
            ),
            [true, true],
          );
          assert.deepEqual([...violations], [], 'no securitypolicyviolation');
          // The members element asks GET /session and is told nobody is signed in: the browser logs that 401.
          assert.deepEqual(
            errors.filter((error) => !error.includes('401')),
            [],
            'no console errors',
          );
        },
        { prepare: (context) => collectViolations(context, violations) },
      );
    },
  );
});

/** Polls `condition` for a while: the binding's call arrives asynchronously. */
async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the deliberate violation was not reported');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
