import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `eherkenning-info`: eHerkenning level 3 is needed before the online services can be used. */
export class EherkenningInfoStep extends StepPage<'eherkenning-info'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'eherkenning-info', lang);
  }

  /** `Login eHerkenning`. */
  async next(): Promise<void> {
    await this.press(this.labels.action);
  }
}
