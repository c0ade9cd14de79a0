import type { BrowserContext } from 'playwright-core';

/** What a `securitypolicyviolation` event tells, enough to find its cause. */
export interface Violation {
  readonly page: string;
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

/**
 * Collects into `sink` every Content Security Policy violation the pages of `context` report, from the first page
 * on. A binding, not page state: it survives the trip to eHerkenning and back, and the page's CSP does not apply
 * to it. Pass it as `inBrowser`'s `prepare`.
 */
export async function collectViolations(context: BrowserContext, sink: Violation[]): Promise<void> {
  await context.exposeFunction('__wtReportViolation', (violation: Violation) => void sink.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const target = window as unknown as { __wtReportViolation: (violation: Violation) => void };
      target.__wtReportViolation({
        page: location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
      });
    });
  });
}
