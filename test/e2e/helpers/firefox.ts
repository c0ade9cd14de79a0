import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults, RunOptions } from 'axe-core';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { FIREFOX_MISSING, findFirefox, firefoxLaunchOptions } from '../../../scripts/firefox.mjs';
import { LABELS, type Lang } from '../pages/labels.ts';
import { AXE_RUN_OPTIONS, AXE_SOURCE, violationsMessage, type AxeViolation } from './axe.ts';
import { STEP_TIMEOUT_MS, type LabelledStep } from '../pages/step.ts';

// Playwright 1.65 cannot drive Debian's Firefox ESR (its BiDi channel sends commands ESR does not know), so the
// Firefox journey runs on puppeteer-core over WebDriver BiDi. The Playwright page objects in ../pages do not apply;
// this driver finds the same things by the same labels (../pages/labels.ts), inside the element's open shadow root.

/** Where a failing Firefox journey leaves its screenshot, as `inBrowser` does for Chromium. */
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(tmpdir(), 'wt-e2e-failures');

/**
 * Starts the installed Firefox (`FIREFOX_PATH`, else Debian's ESR) headless, in Dutch, off the network. Throws
 * {@link FIREFOX_MISSING} when there is none: CI installs it, so a missing Firefox is a failure, not a skip.
 */
export async function launchFirefox(): Promise<Browser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(FIREFOX_MISSING);
  // nl-NL, as the Chromium journeys' browser contexts have it.
  return puppeteer.launch(firefoxLaunchOptions(executablePath, { 'intl.accept_languages': 'nl-NL, nl' }));
}

/** What the journey callback gets: the page and the uncaught errors the page has thrown so far. */
export interface FirefoxJourney {
  readonly page: Page;
  /** Uncaught exceptions and unhandled rejections of the page's scripts, in order. */
  readonly pageErrors: readonly string[];
}

/**
 * Runs `journey` in a fresh browser context (own cookies and storage) of `browser` and closes it afterwards.
 * When the journey fails, a screenshot of the page is kept outside the repository and named in the error.
 */
export async function inFirefox<T>(
  browser: Browser,
  name: string,
  journey: (journey: FirefoxJourney) => Promise<T>,
): Promise<T> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(60_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error instanceof Error ? error.message : String(error)));
    if (process.env.E2E_DEBUG) {
      page.on('console', (message) => console.log(`[${name}] console.${message.type()}: ${message.text()}`));
      page.on('response', (response) => {
        if (response.status() >= 400) console.log(`[${name}] ${response.status()} ${response.url()}`);
      });
    }
    try {
      return await journey({ page, pageErrors });
    } catch (error) {
      const file = await screenshot(page, name);
      if (file && error instanceof Error)
        error.stack = `${error.stack ?? error.message}\n(the page when it failed: ${file})`;
      throw error;
    }
  } finally {
    await context.close();
  }
}

async function screenshot(page: Page, name: string): Promise<string | undefined> {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `firefox-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  } catch {
    return undefined;
  }
}

/**
 * Runs axe-core in Firefox over the first element matching `selector` (open shadow roots included) with the same
 * WCAG 2.2 AA rules as the Chromium journeys ({@link AXE_RUN_OPTIONS}), and returns the violations. axe is injected
 * as an inline script, so this works on pages without a strict CSP only (the CMS page, not the strict-CSP page).
 */
export async function firefoxAxeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ content: axeSource() });
  return page.evaluate(
    async (contextSelector: string, runOptions: RunOptions) => {
      const context = document.querySelector(contextSelector);
      if (!context) throw new Error(`axe: nothing matches ${contextSelector}`);
      const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } })
        .axe;
      const results = await axe.run(context, runOptions);
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => JSON.stringify(node.target)),
      }));
    },
    selector,
    AXE_RUN_OPTIONS,
  );
}

/** Throws with every violation listed when axe finds any in `selector` on `page`; `where` names the step. */
export async function assertAccessibleInFirefox(page: Page, selector: string, where: string): Promise<void> {
  const violations = await firefoxAxeViolations(page, selector);
  if (violations.length > 0) throw new Error(`Firefox: ${violationsMessage(violations, where)}`);
}

let axeScript: string | undefined;

/** axe-core's browser bundle, read once. */
function axeSource(): string {
  axeScript ??= readFileSync(AXE_SOURCE, 'utf8');
  return axeScript;
}

/** How the step heading is shown at one moment. */
export interface HeadingState {
  /** Its text, white space collapsed. */
  readonly text: string;
  /** True when keyboard focus is on it (the element's shadow root's active element, the element the page's). */
  readonly focused: boolean;
}

/**
 * `<wt-onboarding>` in Firefox, driven the way a person uses it: buttons by their text, inputs by their label,
 * steps by their heading. Everything is looked up inside the element's open shadow root, and only when visible.
 */
export class FirefoxOnboarding {
  readonly page: Page;
  readonly lang: Lang;

  constructor(page: Page, lang: Lang = 'nl') {
    this.page = page;
    this.lang = lang;
  }

  /** Opens `url` and waits until the element shows a step heading. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await waitInPage(this.page, `a step heading of <wt-onboarding> on ${url}`, () => {
      const heading = document.querySelector('wt-onboarding')?.shadowRoot?.querySelector('h2');
      return Boolean(heading?.checkVisibility());
    });
  }

  /**
   * Waits until step `id` is shown (its heading, with exactly the words of {@link LABELS}) and returns how its
   * heading is shown at that moment, focus included.
   */
  async waitForStep(id: LabelledStep): Promise<HeadingState> {
    const expected = LABELS[this.lang][id].heading;
    await waitInPage(
      this.page,
      `the heading "${expected}"`,
      (text: string) => {
        const heading = document.querySelector('wt-onboarding')?.shadowRoot?.querySelector('h2');
        return heading?.checkVisibility() === true && heading.textContent?.replace(/\s+/g, ' ').trim() === text;
      },
      expected,
    ).catch(async (error: unknown) => {
      throw new Error(`step "${id}" was not shown; the element shows:\n${await this.shownText()}`, { cause: error });
    });
    return this.heading();
  }

  /** The step heading shown now. */
  async heading(): Promise<HeadingState> {
    return this.page.evaluate(() => {
      const host = document.querySelector('wt-onboarding');
      const heading = host?.shadowRoot?.querySelector('h2');
      return {
        text: heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        focused: Boolean(heading) && document.activeElement === host && host?.shadowRoot?.activeElement === heading,
      };
    });
  }

  /** Throws with every WCAG 2.2 AA violation axe finds in the element now; `where` names the step. */
  async assertAccessible(where: string): Promise<void> {
    await assertAccessibleInFirefox(this.page, 'wt-onboarding', where);
  }

  /** The element's visible text, for failure messages. */
  async shownText(): Promise<string> {
    return this.page
      .evaluate(() => {
        const base = document.querySelector('wt-onboarding')?.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return base?.innerText ?? '(no element)';
      })
      .catch(() => '(the page is gone)');
  }

  /** Clicks the element's button named `name` once it is shown and not busy (`aria-disabled`). */
  async press(name: string): Promise<void> {
    const button = await waitForElement(
      this.page,
      `the button "${name}"`,
      (wanted: string) => {
        const root = document.querySelector('wt-onboarding')?.shadowRoot;
        return (
          [...(root?.querySelectorAll('button') ?? [])].find(
            (button) =>
              button.textContent?.replace(/\s+/g, ' ').trim() === wanted &&
              button.checkVisibility() &&
              button.getAttribute('aria-disabled') !== 'true',
          ) ?? null
        );
      },
      name,
    );
    await button.click();
    await button.dispose();
  }

  /** Types `value` into the element's input labelled `label`, as a person types it. */
  async fill(label: string, value: string): Promise<void> {
    const input = await this.control(label);
    await input.type(value);
    await input.dispose();
  }

  /** Picks the option shown as `option` in the element's drop-down labelled `label`. */
  async choose(label: string, option: string): Promise<void> {
    const select = await this.control(label);
    const value = await select.evaluate(
      (element, text) =>
        [...(element as HTMLSelectElement).options].find((candidate) => candidate.text.trim() === text)?.value,
      option,
    );
    if (value === undefined) throw new Error(`the drop-down "${label}" has no option "${option}"`);
    await select.select(value);
    await select.dispose();
  }

  /** Waits until the element shows `text` somewhere a person sees it. */
  async waitForText(text: string): Promise<void> {
    await waitInPage(
      this.page,
      `the text "${text}"`,
      (wanted: string) => {
        const base = document.querySelector('wt-onboarding')?.shadowRoot?.querySelector<HTMLElement>('[part="base"]');
        return (base?.innerText.replace(/\s+/g, ' ') ?? '').includes(wanted);
      },
      text,
    ).catch(async (error: unknown) => {
      throw new Error(`"${text}" was not shown; the element shows:\n${await this.shownText()}`, { cause: error });
    });
  }

  /** The element's input or drop-down whose `<label>` reads `label`, once shown. */
  private control(label: string): Promise<ElementHandle> {
    return waitForElement(
      this.page,
      `the field "${label}"`,
      (wanted: string) => {
        const root = document.querySelector('wt-onboarding')?.shadowRoot;
        return (
          [...(root?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select') ?? [])].find(
            (control) =>
              control.checkVisibility() &&
              [...(control.labels ?? [])].some((own) => own.textContent?.replace(/\s+/g, ' ').trim() === wanted),
          ) ?? null
        );
      },
      label,
    );
  }
}

/**
 * The simulated supplier's login page (plain HTML, no shadow root), as a person uses it: pick a test identity
 * by the person's name and press `Inloggen`.
 */
export class FirefoxSimulatorLogin {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Waits until the browser shows the simulator's login page; returns its `h1`. */
  async waitUntilShown(issuer: string): Promise<string> {
    await waitInPage(
      this.page,
      `the simulator's login page at ${issuer}`,
      (origin: string) =>
        location.href.startsWith(origin) && /^Inloggen bij/.test(document.querySelector('h1')?.textContent ?? ''),
      issuer,
    );
    return this.page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
  }

  /** Logs in as the identity whose person name is `personName`. */
  async logInAs(personName: string): Promise<void> {
    const radio = await waitForElement(
      this.page,
      `the identity "${personName}"`,
      (name: string) =>
        [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((input) =>
          [...(input.labels ?? [])].some((label) => label.textContent?.trim().startsWith(`${name} `)),
        ) ?? null,
      personName,
    );
    await radio.click();
    await radio.dispose();
    const button = await waitForElement(
      this.page,
      'the button "Inloggen"',
      () =>
        [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Inloggen') ?? null,
    );
    await button.click();
    await button.dispose();
  }
}

/**
 * Waits until `predicate(arg)` holds in the page. A navigation while waiting (the round trip through eHerkenning)
 * destroys the page's script context; the wait then starts again in the new document, until the same deadline.
 */
async function waitInPage(page: Page, what: string, predicate: (arg: string) => boolean, arg = ''): Promise<void> {
  const handle = await waitForHandle(page, what, predicate, arg);
  await handle.dispose();
}

/** Waits until `find(arg)` returns an element in the page, and returns it. */
async function waitForElement(
  page: Page,
  what: string,
  find: (arg: string) => Element | null,
  arg = '',
): Promise<ElementHandle> {
  const handle = await waitForHandle(page, what, find, arg);
  const element = handle.asElement();
  if (!element) throw new Error(`${what}: not an element`);
  // `find` returns an Element; puppeteer types what a page function returns no closer than Node.
  return element as ElementHandle;
}

async function waitForHandle(page: Page, what: string, fn: (arg: string) => unknown, arg: string) {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`${what} was not shown within ${STEP_TIMEOUT_MS} ms (at ${page.url()})`);
    try {
      return await page.waitForFunction(fn, { timeout: left, polling: 100 }, arg);
    } catch (error) {
      if (!isNavigation(error) || Date.now() >= deadline) {
        throw new Error(`${what} was not shown (at ${page.url()})`, { cause: error });
      }
    }
  }
}

/** True for the errors a wait gets when the document it runs in goes away. */
function isNavigation(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /context|navigat|destroyed|detached|realm|discarded/i.test(message) && !/timeout|timed out/i.test(message);
}
