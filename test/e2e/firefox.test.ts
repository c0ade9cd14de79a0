import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import {
  FirefoxOnboarding,
  FirefoxSimulatorLogin,
  firefoxAxeViolations,
  inFirefox,
  launchFirefox,
} from './helpers/firefox.ts';
import { newPerson } from './helpers/people.ts';
import { IDENTITY } from './helpers/sim.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { LABELS, MESSAGES } from './pages/labels.ts';
import type { LabelledStep } from './pages/step.ts';
import { SUPPLIER } from './pages/supplier.ts';

/** The CMS page: the two pasted lines, the CDN file and nothing else. */
const CMS_PAGE = '/cms-paste-in/';

const NL = LABELS.nl;

/** The probe's limit: an error Firefox never reports ends it as a failure instead of a hang. */
const PROBE_TIMEOUT = { timeout: 30_000 } as const;

// Issue 6: "It works in current Chromium, Firefox and Safari". The other journeys run in Chromium; this one is the
// first journey again, in Debian's Firefox ESR. Safari is not tested: no WebKit build reaches this machine.
describe('Firefox: a new person, through the CMS page', () => {
  let firefox: Browser | undefined;
  let stack: E2eStack | undefined;
  before(async () => {
    // Firefox first: when it is missing, the run says how to install it without waiting for the stack.
    firefox = await launchFirefox();
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await firefox?.close();
    await stack?.close();
  });

  it(
    'reports an uncaught error of the page, so that "no page error" below means something',
    PROBE_TIMEOUT,
    async () => {
      assert.ok(firefox);
      await inFirefox(firefox, 'page-error-probe', async ({ page, pageErrors }) => {
        await page.goto('about:blank');
        const reported = new Promise((resolve) => page.once('pageerror', resolve));
        await page.evaluate(() => {
          setTimeout(() => {
            throw new Error('probe: thrown on purpose');
          });
        });
        await reported;
        assert.equal(pageErrors.length, 1, `one error expected: ${pageErrors.join(' | ')}`);
        assert.match(pageErrors[0]!, /probe: thrown on purpose/);
      });
    },
  );

  it(
    'finds an unlabelled input with axe in Firefox, so that "no axe violation" below means something',
    PROBE_TIMEOUT,
    async () => {
      assert.ok(firefox);
      await inFirefox(firefox, 'axe-probe', async ({ page }) => {
        await page.setContent(
          '<!doctype html><html lang="nl"><title>probe</title><main id="probe"><input type="text"></main></html>',
        );
        const violations = await firefoxAxeViolations(page, '#probe');
        assert.deepEqual(
          violations.map((violation) => violation.id),
          ['label'],
          `only the missing label expected: ${JSON.stringify(violations)}`,
        );
      });
    },
  );

  it(
    'goes from "Start hier" to "Jouw account is geverifieerd!", each heading taking the focus, no axe violation on any step, with no page error',
    JOURNEY_TIMEOUT,
    async () => {
      assert.ok(firefox && stack);
      const { site, mailbox, simulator } = stack;
      await inFirefox(firefox, 'new-person-verified', async ({ page, pageErrors }) => {
        const app = new FirefoxOnboarding(page);
        const person = newPerson('Jan', 'Vries');
        await app.open(`${site}${CMS_PAGE}`);

        // The first step does not take the focus: the person opened the page, nothing answered them yet.
        const start = await app.waitForStep('start');
        assert.equal(start.text, NL.start.heading);
        assert.equal(start.focused, false, 'the start heading took the focus on page load');
        await app.assertAccessible('start');
        await app.press(NL.start.action);

        // Every step after that moves the focus to its heading, so a screen reader reads where the person is.
        const focusedOn = async (step: LabelledStep) => {
          const heading = await app.waitForStep(step);
          assert.equal(heading.focused, true, `the focus is not on the heading of "${step}"`);
          // The same WCAG 2.2 AA rules as the Chromium journeys, on each step as it is first shown.
          await app.assertAccessible(step);
        };
        await focusedOn('eherkenning-info');
        await app.press(NL['eherkenning-info'].action);

        await focusedOn('account');
        await app.press(NL.account.create);

        await focusedOn('email');
        await app.fill(NL.email.email, person.email);
        await app.press(NL.email.action);

        await focusedOn('code');
        const code = await mailbox.nextCode(person.email);
        await app.fill(NL.code.code, code);
        await app.press(NL.code.action);

        await focusedOn('details');
        await app.fill(NL.details.password, person.password);
        await app.fill(NL.details.passwordRepeat, person.password);
        await app.fill(NL.details.firstName, person.firstName);
        await app.fill(NL.details.lastName, person.lastName);
        await app.press(NL.details.action);

        await focusedOn('supplier');
        await app.choose(NL.supplier.supplier, SUPPLIER);
        await app.press(NL.supplier.action);

        const login = new FirefoxSimulatorLogin(page);
        assert.equal(await login.waitUntilShown(simulator.issuer), `Inloggen bij ${SUPPLIER}`);
        await login.logInAs(IDENTITY.firstAdministrator);

        // Back from eHerkenning the person did not ask for this page, so the outcome takes the focus.
        await focusedOn('verified');
        await app.waitForText('Installatiebedrijf De Vries B.V. (simulatie)');
        await app.waitForText(MESSAGES.nl.administrator);

        // O12: back on the page the person started from, with nothing of the round trip left in the address.
        const final = new URL(page.url());
        assert.equal(`${final.origin}${final.pathname}`, `${site}${CMS_PAGE}`);
        for (const name of ['code', 'state', 'iss', 'wt-eherkenning']) {
          assert.equal(final.searchParams.has(name), false, `the final URL still has ${name}: ${final.href}`);
        }
        assert.equal(mailbox.all(person.email).length, 1, 'one code mail for one sign-up');
        assert.deepEqual(pageErrors, [], 'the page threw an uncaught error');
      });
    },
  );
});
