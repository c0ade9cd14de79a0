import type { Page } from 'playwright-core';
import type { Lang } from './labels.ts';
import { StepPage } from './step.ts';

/** The supplier the journeys pick (one of the simulator's six, by its display name). */
export const SUPPLIER = 'KPN (simulatie)';

/** `supplier`: pick the eHerkenning supplier and leave for eHerkenning. */
export class SupplierStep extends StepPage<'supplier'> {
  constructor(page: Page, lang: Lang) {
    super(page, 'supplier', lang);
  }

  /** Chooses `supplier` in the drop-down and presses `Verder`. */
  async choose(supplier: string = SUPPLIER): Promise<void> {
    await this.field(this.labels.supplier).selectOption({ label: supplier });
    await this.press(this.labels.action);
  }
}
