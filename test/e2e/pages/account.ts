import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `account`: create a Wij Techniek account once, or sign in with one (with `Wachtwoord vergeten?`). */
export class AccountStep extends StepPage<'account'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'account', lang);
  }

  /** `Maak een account aan`. */
  async createAccount(): Promise<void> {
    await this.press(this.labels.create);
  }

  /** Fills the sign-in form and presses `Aanmelden`. */
  async signIn(email: string, password: string): Promise<void> {
    await this.field(this.labels.email).fill(email);
    await this.field(this.labels.password).fill(password);
    await this.press(this.labels.signIn);
  }

  /** `Wachtwoord vergeten?`. */
  async forgotPassword(): Promise<void> {
    await this.press(this.labels.forgotPassword);
  }
}
