import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `password-new`: the new password, twice, under the same policy. */
export class PasswordNewStep extends StepPage<'password-new'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'password-new', lang);
  }

  /** Types `password` twice and presses `Wachtwoord opslaan`. */
  async submit(password: string): Promise<void> {
    await this.field(this.labels.password).fill(password);
    await this.field(this.labels.passwordRepeat).fill(password);
    await this.press(this.labels.action);
  }
}
