import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `email`: the address the sign-up code goes to. */
export class EmailStep extends StepPage<'email'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'email', lang);
  }

  /** Types the address and presses `Verificatiecode verzenden`. */
  async submit(email: string): Promise<void> {
    await this.field(this.labels.email).fill(email);
    await this.press(this.labels.action);
  }
}
