import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { signUpToSupplier } from './helpers/journeys.ts';
import { newPerson } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import { inBrowser } from './helpers/browser.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { LABELS } from './pages/labels.ts';
import { OnboardingPage } from './pages/onboarding.ts';
import type { LabelledStep } from './pages/step.ts';

describe('A reload', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'at every step of the sign-up continues at that step (start, eherkenning-info, account, email, code, details, supplier, verified)',
    JOURNEY_TIMEOUT,
    async () => {
      await inBrowser(stack, 'reload-every-step', async (page) => {
        const reloaded: string[] = [];
        const app = new OnboardingPage(page);
        const reloadAt = async (step: string) => {
          await page.reload();
          await app.step(step as LabelledStep).waitUntilShown();
          assert.equal(await app.headingText(), LABELS.nl[step as LabelledStep].heading, `after a reload on ${step}`);
          reloaded.push(step);
        };
        await app.open(`${stack.site}/cms-paste-in/`);
        await signUpToSupplier(app, stack.mailbox, newPerson('Lotte', 'Smit'), reloadAt);

        await app.supplier.choose();
        const simulator = new SimulatorLoginPage(page);
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.logInAs(IDENTITY.firstAdministrator);
        await app.verified.waitUntilShown();
        await reloadAt('verified');
        await app.verified.waitForMessage('Installatiebedrijf De Vries B.V. (simulatie)');

        assert.deepEqual(reloaded, [
          'start',
          'eherkenning-info',
          'account',
          'email',
          'code',
          'details',
          'supplier',
          'verified',
        ]);
      });
    },
  );
});
