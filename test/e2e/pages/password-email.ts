import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `password-email`: the address of the account whose password is forgotten. */
export class PasswordEmailStep extends StepPage<'password-email'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'password-email', lang);
  }

  /** Types the address and presses `Verificatiecode verzenden`. */
  async submit(email: string): Promise<void> {
    await this.field(this.labels.email).fill(email);
    await this.press(this.labels.action);
  }
}
