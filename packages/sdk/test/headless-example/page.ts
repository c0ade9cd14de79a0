// The page of examples/headless-sdk (its markup and its styles, from index.html) with msw's worker standing in for
// the API, so that a test can import the example's main.ts as the page does and read what it draws.
import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import type { Config } from '../../src/index.js';
import { config } from '../fixtures.js';

/** The server's configuration, with one supplier: the example's drop-down then has a single choice. */
export const CONFIG: Config = { ...config, suppliers: [{ id: 'kpn', name: 'KPN' }] };

/** Puts the example's body and `<style>` into this document and answers `GET /config` and `handlers`. */
export async function examplePage(...handlers: RequestHandler[]): Promise<void> {
  const html = await (await fetch('/examples/headless-sdk/index.html')).text();
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.head.append(...page.head.querySelectorAll('style'));
  document.body.replaceChildren(...page.body.childNodes);
  await setupWorker(
    http.get('/api/v1/config', () => HttpResponse.json(CONFIG)),
    ...handlers,
  ).start({
    quiet: true,
    onUnhandledRequest: 'bypass',
  });
}

/** Resolves when `check` holds (the example renders after answers arrive); fails after 5 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 250; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the example never showed ${what}`);
}

/** The text the example shows in its main area. */
export const shown = (): string => document.querySelector('#app')?.textContent ?? '';
