import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** `start`: what a personal account gives, and that eHerkenning level 3 is needed. */
export class StartStep extends StepPage<'start'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'start', lang);
  }

  /** `Start hier`. */
  async begin(): Promise<void> {
    await this.press(this.labels.action);
  }
}
