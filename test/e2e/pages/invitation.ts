import type { Page } from 'playwright-core';
import type { AccountDetails } from './details.ts';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `invitation`: an invited colleague sets a password and their name, and accepts (no eHerkenning). */
export class InvitationStep extends StepPage<'invitation'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'invitation', lang);
  }

  /** Fills the new-account form and presses `Account maken en uitnodiging aannemen`. */
  async accept(details: AccountDetails): Promise<void> {
    await this.field(this.labels.password).fill(details.password);
    await this.field(this.labels.passwordRepeat).fill(details.password);
    await this.field(this.labels.firstName).fill(details.firstName);
    await this.field(this.labels.lastName).fill(details.lastName);
    await this.press(this.labels.accept);
  }
}
