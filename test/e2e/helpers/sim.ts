import { startSimulator, type RunningSimulator } from '@wij-techniek/eherkenning-sim';
import type { Page } from 'playwright-core';

/** The relying party the e2e server is registered as at the simulated broker. */
export const E2E_CLIENT = { clientId: 'wt-onboarding-e2e', clientSecret: 'e2e-secret-not-for-production' } as const;

/**
 * Starts the real eHerkenning simulator on a free loopback port, with the e2e server as its only client: the
 * callback is on the example site's origin, as `npm start` has it (the browser sees `localhost`).
 */
export async function startE2eSimulator(site: string): Promise<RunningSimulator> {
  return startSimulator({
    port: 0,
    clients: [{ ...E2E_CLIENT, redirectUris: [`${site}/api/v1/eherkenning/callback`] }],
  });
}

/** The simulator's test identities the journeys use (packages/eherkenning-sim/src/identities.ts). */
export const IDENTITY = {
  /** Jan de Vries, EH3: the first administrator of Installatiebedrijf De Vries. */
  firstAdministrator: 'Jan de Vries',
  /** Eva Smit, EH3: another company. */
  secondCompany: 'Eva Smit',
  /** Pieter Bakker, EH4: higher than asked, accepted. */
  highestLevel: 'Pieter Bakker',
  /** Sanne Jansen, EH2: lower than level 3, refused. */
  levelTooLow: 'Sanne Jansen',
} as const;

/**
 * The simulated supplier's Dutch login page, as a person uses it: pick a test identity and press `Inloggen`,
 * or press `Annuleren`.
 */
export class SimulatorLoginPage {
  readonly #page: Page;

  constructor(page: Page) {
    this.#page = page;
  }

  /** Waits until the browser shows the simulator's login page (after the element sent it there). */
  async waitUntilShown(issuer: string): Promise<void> {
    await this.#page.waitForURL((url) => url.href.startsWith(issuer), { timeout: 30_000 });
    await this.#page.getByRole('heading', { level: 1, name: /^Inloggen bij/ }).waitFor({ timeout: 30_000 });
  }

  /** Logs in as the identity whose person name is `personName`. */
  async logInAs(personName: string): Promise<void> {
    await this.#page.getByRole('radio', { name: new RegExp(`^${personName}\\b`) }).check();
    await this.#page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  /** Cancels the login, as a person who changes their mind. */
  async cancel(): Promise<void> {
    await this.#page.getByRole('button', { name: 'Annuleren', exact: true }).click();
  }
}
