import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AntiAutomationRequest } from '@wij-techniek/onboarding-server';
import { inBrowser } from './helpers/browser.ts';
import { newPerson } from './helpers/people.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { OnboardingPage } from './pages/onboarding.ts';

/** The one token the stand-in CAPTCHA service accepts. */
const KNOWN_TOKEN = 'e2e-solved-challenge-7f3a';

describe('A server with the anti-automation hook, and <wt-onboarding> with a widget in its slot (R5)', () => {
  let stack: E2eStack;
  const asked: Omit<AntiAutomationRequest, 'clientAddress'>[] = [];
  before(async () => {
    stack = await startE2eStack({
      antiAutomation: {
        verify: ({ token, route }) => {
          asked.push({ token, route });
          return token === KNOWN_TOKEN;
        },
      },
    });
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'a start without the token is refused, asking for the check again, and sends no mail; with the widget’s token the code step follows',
    JOURNEY_TIMEOUT,
    async () => {
      await inBrowser(stack, 'anti-automation', async (page) => {
        const app = new OnboardingPage(page);
        const person = newPerson('Bram', 'Visser');
        await app.open(`${stack.site}/e2e/anti-automation/`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.createAccount();
        await app.email.waitUntilShown();

        // The widget has no token yet: the hook refuses (429, reason anti_automation), and the element asks for the
        // check again.
        await app.email.submit(person.email);
        await app.email.waitForMessage(
          'De controle of je geen robot bent is niet gelukt. Doe de controle opnieuw en probeer het dan nog eens.',
        );
        assert.deepEqual(asked, [{ token: undefined, route: '/signup/email' }]);
        assert.equal(stack.mailbox.all(person.email).length, 0, 'a refused start sends no mail');

        // The widget solved its challenge: its field holds the token, which goes with the next try.
        await page.locator('wt-onboarding').getByLabel('Testcontrole (token)').fill(KNOWN_TOKEN);
        await app.email.submit(person.email);
        await app.code.waitUntilShown();
        assert.deepEqual(asked.at(-1), { token: KNOWN_TOKEN, route: '/signup/email' });
        assert.match(await stack.mailbox.nextCode(person.email), /^[0-9]{6}$/);
        // Only the guarded request asked the hook.
        assert.equal(asked.length, 2);
      });
    },
  );
});
