import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createAccount } from './helpers/api.ts';
import { newPerson, PASSWORDS } from './helpers/people.ts';
import { IDENTITY, SimulatorLoginPage } from './helpers/sim.ts';
import { inBrowser } from './helpers/browser.ts';
import { JOURNEY_TIMEOUT, STACK_TIMEOUT, startE2eStack, type E2eStack } from './helpers/stack.ts';
import { MESSAGES } from './pages/labels.ts';
import { OnboardingPage } from './pages/onboarding.ts';

const CMS_PAGE = '/cms-paste-in/';

/** A six-digit code that is not `code`. */
function wrongCode(code: string, offset: number): string {
  return String((Number(code) + offset) % 1_000_000).padStart(6, '0');
}

describe('Setbacks a person meets, and the way on from each', () => {
  let stack: E2eStack;
  before(async () => {
    stack = await startE2eStack();
  }, STACK_TIMEOUT);
  after(async () => {
    await stack?.close();
  });

  it(
    'five wrong codes end the sign-up with a message to start again; starting again at the e-mail step works (C5)',
    JOURNEY_TIMEOUT,
    async () => {
      await inBrowser(stack, 'five-wrong-codes', async (page) => {
        const app = new OnboardingPage(page);
        const person = newPerson('Ruud', 'Mulder');
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.createAccount();
        await app.email.submit(person.email);
        await app.code.waitUntilShown();
        const lockedCode = await stack.mailbox.nextCode(person.email);

        for (let attempt = 1; attempt <= 4; attempt++) {
          await app.code.submit(wrongCode(lockedCode, attempt));
          await app.code.waitForMessage(`${MESSAGES.nl.codeInvalid} Controleer de code in je e-mail`);
          await app.code.waitForMessage(`Je kunt het nog ${5 - attempt} keer proberen.`);
        }
        await app.code.submit(wrongCode(lockedCode, 5));
        await app.email.waitUntilShown();
        await app.email.waitForMessage(MESSAGES.nl.tooManyAttempts);
        // A reload says the same, with the address filled in: the server tells both (the page stores no address, W3).
        await page.reload();
        await app.email.waitUntilShown();
        await app.email.waitForMessage(MESSAGES.nl.tooManyAttempts);
        assert.equal(await app.email.field(app.email.labels.email).inputValue(), person.email);
        assert.doesNotMatch(await app.email.alertText(), /verlopen/, 'not "your sign-up expired"');

        // Starting again: a new code arrives, the old one is dead, and the count starts afresh.
        await app.email.submit(person.email);
        await app.code.waitUntilShown();
        const freshCode = await stack.mailbox.nextCode(person.email);
        assert.notEqual(freshCode, lockedCode);
        await app.code.submit(lockedCode);
        await app.code.waitForMessage('Je kunt het nog 4 keer proberen.');
        await app.code.submit(freshCode);
        await app.details.waitUntilShown();
        await app.details.submit(person);
        await app.supplier.waitUntilShown();
      });
    },
  );

  it(
    'an EH2 identity is refused with the level message; Annuleren comes back with the cancel message; a retry verifies (O9, O14)',
    JOURNEY_TIMEOUT,
    async () => {
      const person = newPerson('Sanne', 'Jansen');
      await createAccount(stack, person);
      await inBrowser(stack, 'eh2-and-cancel', async (page) => {
        const app = new OnboardingPage(page);
        const simulator = new SimulatorLoginPage(page);
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.signIn(person.email, person.password);

        await app.supplier.choose();
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.logInAs(IDENTITY.levelTooLow);
        await app.supplier.waitUntilShown();
        await app.supplier.waitForMessage(MESSAGES.nl.levelTooLow);
        assert.equal(new URL(page.url()).search, '', `the address still carries the outcome: ${page.url()}`);
        const refused = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()) as unknown);
        assert.deepEqual((refused as { memberships: unknown[] }).memberships, [], 'EH2 granted no membership');

        await app.supplier.choose();
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.cancel();
        await app.supplier.waitUntilShown();
        await app.supplier.waitForMessage(MESSAGES.nl.cancelled);

        await app.supplier.choose();
        await simulator.waitUntilShown(stack.simulator.issuer);
        await simulator.logInAs(IDENTITY.firstAdministrator);
        await app.verified.waitUntilShown();
        await app.verified.waitForMessage(MESSAGES.nl.administrator);
      });
    },
  );
  it(
    'a forgotten password: "Wachtwoord vergeten?", the mailed code, a new password (not the old one), on to the supplier step (issue 10)',
    JOURNEY_TIMEOUT,
    async () => {
      const person = newPerson('Karin', 'Bos');
      const otherDevice = await createAccount(stack, person);
      await inBrowser(stack, 'password-reset', async (page) => {
        const app = new OnboardingPage(page);
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.forgotPassword();

        await app.passwordEmail.waitUntilShown();
        await app.passwordEmail.submit(person.email);
        await app.passwordCode.waitUntilShown();
        await app.passwordCode.submit(await stack.mailbox.nextCode(person.email));

        await app.passwordNew.waitUntilShown();
        await app.passwordNew.submit(person.password);
        await app.passwordNew.waitForMessage(MESSAGES.nl.passwordUnchanged);
        await app.passwordNew.submit(PASSWORDS.second);
        await app.supplier.waitUntilShown();

        const notice = await stack.mailbox.next(person.email);
        assert.equal(notice.subject, 'Je Wij Techniek-wachtwoord is gewijzigd');
        const elsewhere = (await otherDevice.expect(200, 'GET', '/session')) as { account: unknown };
        assert.equal(elsewhere.account, null, 'the session on the other device ended');
      });

      // Afterwards, on another visit: the old password is refused, the new one signs in.
      await inBrowser(stack, 'sign-in-after-reset', async (page) => {
        const app = new OnboardingPage(page);
        await app.open(`${stack.site}${CMS_PAGE}`);
        await app.start.begin();
        await app.eherkenningInfo.next();
        await app.account.signIn(person.email, person.password);
        await app.account.waitForMessage(MESSAGES.nl.invalidCredentials);
        await app.account.signIn(person.email, PASSWORDS.second);
        await app.supplier.waitUntilShown();
      });
    },
  );
});
