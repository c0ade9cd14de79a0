import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** Where axe-core's browser bundle is, for the Chromium and the Firefox journeys alike. */
export const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/** WCAG 2.2 AA, as the accessibility statement claims it: every A and AA rule of 2.0, 2.1 and 2.2. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** The options of every axe run: only the {@link WCAG_TAGS} rules, and only violations reported back. */
export const AXE_RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: [...WCAG_TAGS] },
  resultTypes: ['violations'],
};

/** One axe violation, short enough to read in a failing test's message. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core (injected into the page with `addScriptTag`, so the real rules run in the real browser, open
 * shadow roots included) over the whole document with the WCAG 2.2 AA tags, and returns the violations.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(async (runOptions) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, runOptions);
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => JSON.stringify(node.target)),
    }));
  }, AXE_RUN_OPTIONS);
}

/** Throws with every violation listed when axe finds any on `page`; `where` names the step for the message. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(violationsMessage(violations, where));
}

/** The failure message for `violations` found on step `where`: each one's id, impact, help and targets. */
export function violationsMessage(violations: readonly AxeViolation[], where: string): string {
  const lines = violations.map((v) => `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.targets.join(', ')}`);
  return `axe found ${violations.length} WCAG 2.2 AA violation(s) on the ${where} step:\n${lines.join('\n')}`;
}
