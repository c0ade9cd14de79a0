// WCAG 2.2.1 on a fresh sign-up: the code step's notice comes two minutes before the end the server enforces. Here
// the server ends an idle session after 15 minutes (SESSION_IDLE_MINUTES=15), before the sign-up flow's 30: the
// answer of POST /signup/email says only when the flow ends, GET /session when the session does.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, API, api, worker } from './support/api.js';
import { settled, shadow, showStep, submitForm, type } from './support/fixture.js';

const { nl } = TRANSLATIONS;
const MINUTE = 60_000;

const notice = (el: WtOnboarding) => shadow(el, '[part~="session-notice"]');

/** The element at `now`, re-rendered. */
async function atTime(el: WtOnboarding, now: number) {
  el.clock = () => now;
  el.requestUpdate();
  await el.updateComplete;
}

describe('<wt-onboarding> session notice on a fresh sign-up (WCAG 2.2.1)', () => {
  afterEach(() => worker.resetHandlers());

  it('on the code step: two minutes before the session’s end when that comes before the flow’s, with the button', async () => {
    const el = await showStep('email');
    const start = Date.now();
    const flowEnd = new Date(start + 30 * MINUTE).toISOString();
    const sessionEnd = start + 15 * MINUTE;
    const flow = () => ({ ...api.sessionBody().flow!, expiresAt: flowEnd });
    worker.use(
      http.post(`${API}/signup/email`, () => {
        api.session.flow = api.codeFlow('signup', ACCOUNT.email, 60);
        api.session.step = 'code';
        return HttpResponse.json({ step: 'code', flow: flow() }, { status: 202 });
      }),
      http.get(`${API}/session`, () =>
        HttpResponse.json({
          ...api.sessionBody(),
          flow: flow(),
          expiresAt: new Date(sessionEnd).toISOString(),
          extendable: true,
        }),
      ),
    );
    type(el, 'email', ACCOUNT.email);
    submitForm(el, 'email');
    await settled(el, 'code');

    await atTime(el, sessionEnd - 120_001);
    expect(notice(el) === null, 'no notice at 2:00.001 before the session’s end').to.equal(true);
    await atTime(el, sessionEnd - 120_000);
    expect(notice(el)?.textContent).to.contain('Je sessie stopt binnen 2 minuten als je niets doet.');
    expect(notice(el)?.textContent).to.contain('Nog 2:00');
    expect(shadow(el, '[part~="session-extend"]')?.textContent?.trim()).to.equal(nl.session.extend);
  });
});
