import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `code`: the six digits from the mail; resend after a cooldown; another address. */
export class CodeStep extends StepPage<'code'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'code', lang);
  }

  /** Pastes `code` and presses `Volgende`. */
  async submit(code: string): Promise<void> {
    await this.field(this.labels.code).fill(code);
    await this.press(this.labels.action);
  }

  /** `Ander e-mailadres gebruiken`. */
  async changeEmail(): Promise<void> {
    await this.press(this.labels.changeEmail);
  }
}
