// A refusal for trying too often says when to try again, in words a person reads (SECURITY.md R1: waits grow up to
// an hour), whether the server put the wait in the body or only in the Retry-After header; without a known wait
// the message stays "wait a moment". Both languages, and the words can be replaced like every text. The members
// element's twin is organisation-members/rate-limited-wait.test.ts.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { WtOnboarding } from '../src/onboarding.js';
import { API, worker } from './support/api.js';
import { alertText, resetAll, settled, showStep, submitForm, type } from './support/fixture.js';

/** A 429 `rate_limited` problem; the wait only in the header, only in the body, or not at all. */
function refusal(wait: { header?: string; body?: number } = {}): Response {
  return HttpResponse.json(
    {
      type: 'urn:wij-techniek:onboarding:problem:rate_limited',
      title: 'Too many requests',
      status: 429,
      code: 'rate_limited',
      ...(wait.body === undefined ? {} : { retryAfterSeconds: wait.body }),
    },
    {
      status: 429,
      headers: { 'content-type': 'application/problem+json', ...(wait.header ? { 'Retry-After': wait.header } : {}) },
    },
  );
}

/** Shows the e-mail step, has the server refuse the address with `answer`, and returns the message shown. */
async function refusedOnEmail(
  answer: () => Response,
  lang: 'nl' | 'en',
  texts?: WtOnboarding['texts'],
): Promise<string> {
  const el = await showStep('email', { lang });
  if (texts) {
    el.texts = texts;
    await el.updateComplete;
  }
  worker.use(http.post(`${API}/signup/email`, answer));
  type(el, 'email', 'jan@bedrijf.nl');
  submitForm(el, 'email');
  await waitUntil(() => el.flow!.state.error && !el.flow!.state.busy, 'no refusal arrived', { timeout: 5000 });
  await settled(el, 'email');
  return alertText(el);
}

const WAITS = {
  nl: {
    tooOften: 'Je hebt het te vaak kort na elkaar geprobeerd.',
    30: 'Probeer het over een minuut opnieuw.',
    300: 'Probeer het over 5 minuten opnieuw.',
    3600: 'Probeer het over een uur opnieuw.',
    none: 'Je hebt het te vaak kort na elkaar geprobeerd. Wacht even en probeer het daarna opnieuw.',
  },
  en: {
    tooOften: 'You tried too often in a short time.',
    30: 'Try again in a minute.',
    300: 'Try again in 5 minutes.',
    3600: 'Try again in an hour.',
    none: 'You tried too often in a short time. Wait a moment and then try again.',
  },
} as const;

describe('<wt-onboarding> rate_limited says how long to wait (R1)', () => {
  afterEach(() => worker.resetHandlers());

  for (const lang of ['nl', 'en'] as const) {
    const words = WAITS[lang];
    for (const seconds of [30, 300, 3600] as const) {
      it(`${lang}: Retry-After ${seconds} → "${words[seconds]}"`, async () => {
        const shown = await refusedOnEmail(() => refusal({ header: String(seconds) }), lang);
        expect(shown).to.equal(`${words.tooOften} ${words[seconds]}`);
      });
    }

    it(`${lang}: without a wait, today's "wait a moment"`, async () => {
      expect(await refusedOnEmail(() => refusal(), lang)).to.equal(words.none);
    });
  }

  it('rounds up: 61 seconds is 2 minutes, 59 minutes stays minutes, just over an hour is 2 hours (body or header)', async () => {
    expect(await refusedOnEmail(() => refusal({ body: 61 }), 'nl')).to.contain('over 2 minuten opnieuw');
    expect(await refusedOnEmail(() => refusal({ header: '3540' }), 'nl')).to.contain('over 59 minuten opnieuw');
    expect(await refusedOnEmail(() => refusal({ body: 3601 }), 'en')).to.contain('Try again in 2 hours.');
    // The body wins over the header, as the SDK reads it.
    expect(await refusedOnEmail(() => refusal({ body: 300, header: '3600' }), 'nl')).to.contain('over 5 minuten');
  });

  it('the words are texts like every other: `rateLimited` in `texts`, per language too', async () => {
    const texts = { rateLimited: { minutes: 'Even pauze: nog {minutes|# minuutje|# minuutjes}.' } };
    expect(await refusedOnEmail(() => refusal({ header: '60' }), 'nl', texts)).to.equal('Even pauze: nog 1 minuutje.');
    const perLanguage = { en: { rateLimited: { hours: 'Back in {hours|one hour|# hours}.' } } };
    expect(await refusedOnEmail(() => refusal({ header: '7200' }), 'en', perLanguage)).to.equal('Back in 2 hours.');
  });

  it('on the other steps that can be refused too: signing in', async () => {
    await resetAll();
    sessionStorage.setItem('wt-onboarding-step', 'account');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await settled(el, 'account');
    worker.use(http.post(`${API}/login`, () => refusal({ header: '600' })));
    type(el, 'email', 'jan@bedrijf.nl');
    type(el, 'password', 'iets');
    submitForm(el, 'password');
    await waitUntil(() => el.flow!.state.error && !el.flow!.state.busy, 'no refusal arrived', { timeout: 5000 });
    await el.updateComplete;
    expect(alertText(el)).to.contain('Probeer het over 10 minuten opnieuw.');
  });
});
