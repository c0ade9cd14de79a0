import type { Locator, Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `verified`: `Jouw account is geverifieerd!`, the organisation, and the administrator's rights. */
export class VerifiedStep extends StepPage<'verified'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'verified', lang);
  }

  /** The line that names the organisation. */
  get organisation(): Locator {
    return this.element.getByText(this.labels.organisation);
  }
}
