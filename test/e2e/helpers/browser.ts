import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { E2eStack } from './stack.ts';

/** Where a failing journey leaves its screenshot: `E2E_ARTIFACTS`, or a folder in the system's temp directory. */
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? join(tmpdir(), 'wt-e2e-failures');

/** Options of {@link inBrowser}. */
export interface BrowserOptions {
  readonly locale?: string;
  /** Runs on the new context before its first page opens (init scripts, bindings). */
  readonly prepare?: (context: BrowserContext) => Promise<void>;
}

/**
 * Runs `journey` in a fresh browser context (own cookies and storage: one person on one device) and closes it
 * afterwards. When the journey fails, a screenshot of the page as it was is kept outside the repository and its
 * path added to the error, so a red run in CI shows what the person would have seen.
 */
export async function inBrowser<T>(
  stack: E2eStack,
  name: string,
  journey: (page: Page, context: BrowserContext) => Promise<T>,
  options: BrowserOptions = {},
): Promise<T> {
  const context = await stack.newContext(options.locale ? { locale: options.locale } : {});
  try {
    await options.prepare?.(context);
    const page = await context.newPage();
    if (process.env.E2E_DEBUG) traceToConsole(page, name);
    try {
      return await journey(page, context);
    } catch (error) {
      const file = await screenshot(page, name);
      if (file && error instanceof Error) {
        // The runner prints the stack (written when the error was made), so the note goes there.
        error.stack = `${error.stack ?? error.message}\n(the page when it failed: ${file})`;
      }
      throw error;
    }
  } finally {
    await context.close();
  }
}

async function screenshot(page: Page, name: string): Promise<string | undefined> {
  try {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}-${Date.now()}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch {
    return undefined;
  }
}

/** With `E2E_DEBUG=1`: the browser's console and every API answer of 400 or more, to find why a journey stalls. */
function traceToConsole(page: Page, name: string): void {
  page.on('console', (message) => console.log(`[${name}] console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => console.log(`[${name}] uncaught: ${error.message}`));
  page.on('requestfailed', (request) =>
    console.log(`[${name}] failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      console.log(`[${name}] ${response.status()} ${response.request().method()} ${response.url()}`);
  });
}
