import type { Mailbox } from './mailbox.ts';
import type { Person } from './people.ts';
import type { OnboardingPage } from '../pages/onboarding.ts';

/**
 * The sign-up path as a new person walks it, from the start step to the supplier step: `Start hier`,
 * `Login eHerkenning`, `Maak een account aan`, the address, the code from the mail, password and names.
 * `onStep` runs on each step once it is shown (for axe, reloads, or screenshots).
 */
export async function signUpToSupplier(
  app: OnboardingPage,
  mailbox: Pick<Mailbox, 'nextCode'>,
  person: Person,
  onStep: (step: string) => Promise<void> = async () => {},
): Promise<void> {
  await app.start.waitUntilShown();
  await onStep('start');
  await app.start.begin();

  await app.eherkenningInfo.waitUntilShown();
  await onStep('eherkenning-info');
  await app.eherkenningInfo.next();

  await app.account.waitUntilShown();
  await onStep('account');
  await app.account.createAccount();

  await app.email.waitUntilShown();
  await onStep('email');
  await app.email.submit(person.email);

  await app.code.waitUntilShown();
  const code = await mailbox.nextCode(person.email);
  await onStep('code');
  await app.code.submit(code);

  await app.details.waitUntilShown();
  await onStep('details');
  await app.details.submit(person);

  await app.supplier.waitUntilShown();
  await onStep('supplier');
}
