// When the first load fails (no server behind the page, no connection), the person must not walk into a dead
// end: the start step keeps the error in view and offers "Opnieuw proberen" instead of "Start hier", and the
// retry loads again; once it works the flow goes on where it was. The message tells an offline browser from a
// service that does not answer, and the console tells the web editor where to look.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { STEP_STORAGE_KEY } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import { format } from '../src/i18n/translation.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { API, worker } from './support/api.js';
import { alertText, button, heading, resetAll, settled, shadow, shadowAll } from './support/fixture.js';

const nl = TRANSLATIONS.nl;

/** Every read of the API fails as if nothing answered. */
function noServer(): void {
  worker.use(
    http.get(`${API}/config`, () => HttpResponse.error()),
    http.get(`${API}/session`, () => HttpResponse.error()),
  );
}

/** Waits until the element shows the start step's load failure, idle (the page is online: the service failed). */
async function loadFailed(el: WtOnboarding, text = nl.common.unreachable): Promise<void> {
  await waitUntil(
    () => el.flow?.state.error && !el.flow.state.busy && alertText(el) === text,
    'the load failure was not shown',
    { timeout: 8000 },
  );
  await el.updateComplete;
}

const buttonTexts = (el: WtOnboarding) => shadowAll(el, 'button').map((b) => b.textContent.trim());

describe('<wt-onboarding> when the first load fails', () => {
  afterEach(() => worker.resetHandlers());

  it('keeps the error on the start step with "Opnieuw proberen" and no "Start hier"', async () => {
    await resetAll();
    noServer();
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await loadFailed(el);
    expect(heading(el)).to.equal(nl.start.heading);
    // Still the first of the eight steps, as the start step says when it loads.
    expect(shadow(el, '[part~="progress"]')?.textContent?.trim()).to.equal(
      format(nl.common.progress, { current: 1, total: 8 }),
    );
    expect(buttonTexts(el)).to.deep.equal([nl.common.retry]);
    expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden')).to.equal(false);
    // The texts stay readable, without a number of suppliers nobody could load.
    expect(el.shadowRoot!.textContent).to.contain('bij één van de erkende leveranciers.');
    await expect(el).to.be.accessible();

    // A failed retry keeps the error in view and focus on the button.
    button(el, nl.common.retry).focus();
    button(el, nl.common.retry).click();
    await waitUntil(() => el.flow!.state.busy, 'the retry did not start');
    await loadFailed(el);
    expect(buttonTexts(el)).to.deep.equal([nl.common.retry]);
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal(nl.common.retry);

    // Once the server answers, the retry goes on to the real start step, focus on its heading.
    worker.resetHandlers();
    button(el, nl.common.retry).click();
    await waitUntil(() => el.flow!.config && !el.flow!.state.busy, 'the retry did not load');
    await settled(el, 'start');
    expect(buttonTexts(el)).to.deep.equal([nl.start.action]);
    expect(alertText(el)).to.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('wt-heading');
  });

  it('does not offer a stored later step (its forms would fail); the retry returns to it', async () => {
    await resetAll();
    sessionStorage.setItem(STEP_STORAGE_KEY, 'account');
    noServer();
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="en"></wt-onboarding>`);
    await waitUntil(() => el.flow?.state.error && !el.flow.state.busy, 'no failure', { timeout: 8000 });
    await el.updateComplete;
    expect(alertText(el)).to.equal(TRANSLATIONS.en.common.unreachable);
    expect(shadow(el, '[part~="progress"]')?.textContent?.trim()).to.equal('Step 1 of 8');
    expect(shadow(el, 'form')).to.equal(null);
    expect(buttonTexts(el)).to.deep.equal([TRANSLATIONS.en.common.retry]);

    worker.resetHandlers();
    button(el, TRANSLATIONS.en.common.retry).click();
    await settled(el, 'account');
    await waitUntil(() => el.flow!.config, 'not loaded');
    await el.updateComplete;
    expect(heading(el)).to.equal(TRANSLATIONS.en.account.heading);
  });

  it('online, the service is said to be unreachable (try later); offline, to check the connection', async () => {
    expect(nl.common.unreachable).to.not.contain('internetverbinding');
    expect(nl.common.loadFailed).to.contain('internetverbinding');
    for (const lang of ['nl', 'en'] as const) {
      await resetAll();
      noServer();
      const online = await fixture<WtOnboarding>(html`<wt-onboarding lang=${lang}></wt-onboarding>`);
      await loadFailed(online, TRANSLATIONS[lang].common.unreachable);

      await resetAll();
      noServer();
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      try {
        const offline = await fixture<WtOnboarding>(html`<wt-onboarding lang=${lang}></wt-onboarding>`);
        await loadFailed(offline, TRANSLATIONS[lang].common.loadFailed);
      } finally {
        delete (navigator as { onLine?: boolean }).onLine;
      }
    }
    expect(navigator.onLine).to.equal(true);
  });

  it('the texts can be replaced like the others', async () => {
    await resetAll();
    noServer();
    const el = await fixture<WtOnboarding>(
      html`<wt-onboarding lang="nl" texts='{"common":{"unreachable":"Aanmelden lukt nu even niet."}}'></wt-onboarding>`,
    );
    await loadFailed(el, 'Aanmelden lukt nu even niet.');
  });

  it('online, tells the web editor once on the console which api-base it tried and where CORS is explained', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await resetAll();
      noServer();
      const el = await fixture<WtOnboarding>(
        html`<wt-onboarding lang="nl" api-base="/niet-de-api/v1"></wt-onboarding>`,
      );
      await loadFailed(el);
      button(el, nl.common.retry).click();
      await waitUntil(() => el.flow!.state.busy, 'the retry did not start');
      await loadFailed(el);
      const hints = warnings.filter((text) => text.includes('<wt-onboarding>'));
      expect(hints).to.have.length(1);
      expect(hints[0]).to.contain(new URL('/niet-de-api/v1', location.href).href);
      expect(hints[0]).to.contain('docs/editors.md').and.contain('ALLOWED_ORIGINS').and.contain('CORS');
    } finally {
      console.warn = warn;
    }
  });
});
