// Back from the code step, the same address again before the resend countdown has run out: the server keeps its
// flow and sends no mail (SECURITY.md F4), so the code step must not say a code is on its way; it says the code
// already sent still works, in words that are the same for every address (R4).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { format } from '../src/i18n/translation.js';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, api, API, EXISTING_EMAIL, worker, type FakeSession } from './support/api.js';
import { button, settled, shadowAll, showStep, submitForm, type } from './support/fixture.js';

type Kind = NonNullable<FakeSession['flow']>['kind'];

/** The step's paragraphs, whitespace collapsed. */
function paragraphs(el: WtOnboarding): string[] {
  return shadowAll(el, '[part~="step"] p').map((p) => p.textContent.replace(/\s+/gu, ' ').trim());
}

let mails = 0;

/** Starts a code flow as the server does: the same address within the countdown keeps the flow, without a mail. */
function startLikeTheServer(kind: Kind) {
  const path = kind === 'signup' ? '/signup/email' : '/password/forgot';
  return http.post(`${API}${path}`, async ({ request }) => {
    const { email } = (await request.json()) as { email: string };
    const current = api.session.flow;
    if (!(current?.kind === kind && current.email === email && Date.now() < current.resendAvailableAt)) {
      api.session.flow = api.codeFlow(kind, email, 60);
      mails++;
    }
    api.session.step = kind === 'signup' ? 'code' : 'password-code';
    return HttpResponse.json({ step: api.session.step, flow: api.sessionBody().flow }, { status: 202 });
  });
}

/** From the e-mail step: submits `email`, goes back from the code step and submits it again. */
async function sameAddressTwice(el: WtOnboarding, kind: Kind, email: string): Promise<{ first: string[] }> {
  const [emailStep, codeStep] =
    kind === 'signup' ? (['email', 'code'] as const) : (['password-email', 'password-code'] as const);
  const t = el.lang === 'en' ? TRANSLATIONS.en : TRANSLATIONS.nl;
  type(el, 'email', email);
  submitForm(el, 'email');
  await settled(el, codeStep);
  const first = paragraphs(el);
  button(el, t.code.changeEmail).click();
  await settled(el, emailStep);
  type(el, 'email', email);
  submitForm(el, 'email');
  await settled(el, codeStep);
  return { first };
}

describe('<wt-onboarding> the same address again within the resend countdown (F4)', () => {
  afterEach(() => worker.resetHandlers());

  for (const lang of ['nl', 'en'] as const) {
    for (const kind of ['signup', 'password-reset'] as const) {
      const t = TRANSLATIONS[lang];
      const texts = kind === 'signup' ? t.code : t.passwordCode;
      const emailStep = kind === 'signup' ? 'email' : 'password-email';

      it(`${kind} (${lang}): no new mail, and the code step says the code already sent still works`, async () => {
        for (const email of [ACCOUNT.email, EXISTING_EMAIL]) {
          const el = await showStep(emailStep, { lang });
          worker.use(startLikeTheServer(kind));
          mails = 0;
          const { first } = await sameAddressTwice(el, kind, email);
          expect(first).to.include(format(texts.intro, { email }), 'the first time a mail is on its way');
          expect(first).not.to.include(format(texts.alreadySent, { email }));
          expect(mails).to.equal(1, 'the server sent one mail');
          const again = paragraphs(el);
          // The same words for an address with an account and one without (R4).
          expect(again).to.include(format(texts.alreadySent, { email }));
          expect(again).not.to.include(format(texts.intro, { email }));
          // Next to it the countdown of the first send, which runs on.
          expect(again.some((p) => p.startsWith(t.code.resendIn.split('{seconds}')[0]!))).to.equal(true);
        }
      });
    }
  }

  it('the text can be replaced like every text', async () => {
    const el = await showStep('email');
    el.texts = { code: { alreadySent: 'Gebruik de code die we je net stuurden naar {email}.' } };
    worker.use(startLikeTheServer('signup'));
    await sameAddressTwice(el, 'signup', ACCOUNT.email);
    expect(paragraphs(el)).to.include(`Gebruik de code die we je net stuurden naar ${ACCOUNT.email}.`);
  });
});
