import type { Locator, Page } from 'playwright-core';
import { LABELS, type Lang } from './labels.ts';

/** A step id with labels in {@link LABELS}. */
export type LabelledStep = keyof (typeof LABELS)['nl'];

/** How long a step may take to appear on this shared machine (a round trip through eHerkenning included). */
export const STEP_TIMEOUT_MS = 45_000;

/**
 * What every step of `<wt-onboarding>` has: its heading (the `h2` that receives focus), its buttons and fields by
 * their accessible names, and the messages it shows. Role and label locators pierce the open shadow root, so
 * the page objects find things the way assistive technology does.
 */
export class StepPage<Id extends LabelledStep> {
  readonly page: Page;
  readonly lang: Lang;
  readonly labels: (typeof LABELS)[Lang][Id];
  /** The element on the page. */
  readonly element: Locator;

  constructor(page: Page, id: Id, lang: Lang) {
    this.page = page;
    this.lang = lang;
    this.labels = LABELS[lang][id];
    this.element = page.locator('wt-onboarding');
  }

  /** The step's heading. */
  get heading(): Locator {
    return this.element.getByRole('heading', { level: 2, name: this.labels.heading, exact: true });
  }

  /** Waits until this step is shown. */
  async waitUntilShown(timeout = STEP_TIMEOUT_MS): Promise<void> {
    await this.heading.waitFor({ state: 'visible', timeout });
  }

  /** True when this step is shown now. */
  async isShown(): Promise<boolean> {
    return this.heading.isVisible();
  }

  /** A button of the element by its name. */
  button(name: string): Locator {
    return this.element.getByRole('button', { name, exact: true });
  }

  /** An input of the element by its label. */
  field(label: string): Locator {
    return this.element.getByLabel(label, { exact: true });
  }

  /**
   * Waits until `text` is shown by the element: in the live error region or beside a field, wherever the
   * element puts it so that a person sees it.
   */
  async waitForMessage(text: string, timeout = STEP_TIMEOUT_MS): Promise<void> {
    try {
      await this.element.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
    } catch (error) {
      const shown = await this.element
        .locator('[part="base"]')
        .innerText()
        .catch(() => '(the element is gone)');
      throw new Error(`"${text}" was not shown; the element shows:\n${shown}`, { cause: error });
    }
  }

  /** The text of the error region that assistive technology announces (`role=alert`). */
  async alertText(): Promise<string> {
    return ((await this.element.getByRole('alert').textContent()) ?? '').trim();
  }

  /** Clicks the button named `name`; the next step or message is what the journey waits for. */
  protected async press(name: string): Promise<void> {
    await this.button(name).click();
  }
}
