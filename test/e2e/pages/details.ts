import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** What a person types on the details step. */
export interface AccountDetails {
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** `details`: password twice, first and last name. */
export class DetailsStep extends StepPage<'details'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'details', lang);
  }

  /** Fills the form and presses `Maken`. */
  async submit(details: AccountDetails): Promise<void> {
    await this.field(this.labels.password).fill(details.password);
    await this.field(this.labels.passwordRepeat).fill(details.password);
    await this.field(this.labels.firstName).fill(details.firstName);
    await this.field(this.labels.lastName).fill(details.lastName);
    await this.press(this.labels.action);
  }
}
