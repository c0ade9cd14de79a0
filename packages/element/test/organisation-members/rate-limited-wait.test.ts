// <wt-organisation-members>: too many invitations in a short time says when to try again, from the Retry-After
// header, in both languages; without a known wait it stays "a few minutes" (see ../rate-limited-wait.test.ts).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { sendKeys } from '@web/test-runner-commands';
import { API, orgApi, worker } from './api.js';
import { alertText, buttonByText, idle, mount } from './fixture.js';

/** A 429 `rate_limited` problem, with the wait only in the Retry-After header, or none. */
function refusal(retryAfter?: string): Response {
  return HttpResponse.json(
    { type: 'urn:wij-techniek:onboarding:problem:rate_limited', title: 'Too many', status: 429, code: 'rate_limited' },
    {
      status: 429,
      headers: { 'content-type': 'application/problem+json', ...(retryAfter ? { 'Retry-After': retryAfter } : {}) },
    },
  );
}

describe('<wt-organisation-members> rate_limited says how long to wait', () => {
  afterEach(() => {
    worker.resetHandlers();
    orgApi.reset();
  });

  /** Invites someone, has the server refuse it with `answer`, and returns the message shown. */
  async function refusedInvite(answer: () => Response, lang: 'nl' | 'en'): Promise<string> {
    const el = await mount({ lang });
    worker.use(http.post(`${API}/organisations/:organisationId/members`, answer));
    el.shadowRoot!.querySelector<HTMLInputElement>('#wt-invite-email')!.focus();
    await sendKeys({ type: 'anna@bedrijf.nl' });
    buttonByText(el, lang === 'nl' ? 'Uitnodiging versturen' : 'Send invitation').click();
    await idle(el);
    return alertText(el);
  }

  it('nl and en: the wait from Retry-After in minutes or hours; without one, "a few minutes"', async () => {
    expect(await refusedInvite(() => refusal('30'), 'nl')).to.equal(
      'Je hebt veel uitnodigingen kort na elkaar verstuurd. Probeer het over een minuut opnieuw.',
    );
    expect(await refusedInvite(() => refusal('300'), 'nl')).to.contain('over 5 minuten opnieuw.');
    expect(await refusedInvite(() => refusal('3600'), 'nl')).to.contain('over een uur opnieuw.');
    expect(await refusedInvite(() => refusal(), 'nl')).to.equal(
      'Je hebt veel uitnodigingen kort na elkaar verstuurd. Wacht een paar minuten en probeer het daarna opnieuw.',
    );
    expect(await refusedInvite(() => refusal('30'), 'en')).to.equal(
      'You sent many invitations in a short time. Try again in a minute.',
    );
    expect(await refusedInvite(() => refusal('300'), 'en')).to.contain('Try again in 5 minutes.');
    expect(await refusedInvite(() => refusal('3600'), 'en')).to.contain('Try again in an hour.');
    expect(await refusedInvite(() => refusal(), 'en')).to.equal(
      'You sent many invitations in a short time. Wait a few minutes, then try again.',
    );
  });
});
