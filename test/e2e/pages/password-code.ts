import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `password-code`: the six digits from the reset mail. */
export class PasswordCodeStep extends StepPage<'password-code'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'password-code', lang);
  }

  /** Pastes `code` and presses `Volgende`. */
  async submit(code: string): Promise<void> {
    await this.field(this.labels.code).fill(code);
    await this.press(this.labels.action);
  }
}
