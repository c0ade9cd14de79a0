// When the first load fails (no server behind the page, no connection), the person must not walk into a dead
// end: the start step keeps the error in view and offers "Opnieuw proberen" instead of "Start hier", and the
// retry loads again; once it works the flow goes on where it was.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { STEP_STORAGE_KEY } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
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

/** Waits until the element shows the start step's load failure, idle. */
async function loadFailed(el: WtOnboarding): Promise<void> {
  await waitUntil(
    () => el.flow?.state.error && !el.flow.state.busy && alertText(el) === nl.common.loadFailed,
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
    expect(alertText(el)).to.equal(TRANSLATIONS.en.common.loadFailed);
    expect(shadow(el, 'form')).to.equal(null);
    expect(buttonTexts(el)).to.deep.equal([TRANSLATIONS.en.common.retry]);

    worker.resetHandlers();
    button(el, TRANSLATIONS.en.common.retry).click();
    await settled(el, 'account');
    await waitUntil(() => el.flow!.config, 'not loaded');
    await el.updateComplete;
    expect(heading(el)).to.equal(TRANSLATIONS.en.account.heading);
  });
});
