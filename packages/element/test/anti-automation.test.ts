// A page whose server has the anti-automation hook (SECURITY.md R5) pastes its CAPTCHA widget into the element:
// the widget shows on the two steps whose request the hook guards, the token in its field goes with that request
// as the Anti-Automation-Token header (and with no other), the widget is reset once its single-use token is taken,
// so a person refused by the hook can try again, and a script may give the token instead.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http } from 'msw';
import { STEP_STORAGE_KEY, type StepId } from '@wij-techniek/onboarding-sdk';
import type { WtOnboarding } from '../src/onboarding.js';
import { api, API, worker } from './support/api.js';
import {
  alertText,
  button,
  resetAll,
  sessionFor,
  settled,
  shadow,
  showStep,
  submitForm,
  type,
} from './support/fixture.js';
import { pageCss, removePageCss } from './support/page-css.js';

const FIELD = 'cf-turnstile-response';

/** The Anti-Automation-Token header of every request, by `METHOD /path`, as the server receives them. */
function recordTokens(): [string, string | null][] {
  const seen: [string, string | null][] = [];
  worker.use(
    http.all(`${API}/*`, ({ request }) => {
      seen.push([
        `${request.method} ${new URL(request.url).pathname.slice(API.length)}`,
        request.headers.get('Anti-Automation-Token'),
      ]);
      // Nothing returned: the fake API's own handler answers.
      return undefined;
    }),
  );
  return seen;
}

/**
 * The element on `step` with a pasted widget: a container in the `anti-automation` slot holding the field a
 * CAPTCHA writes its token into (as Turnstile's hidden `cf-turnstile-response` input), with `token` in it.
 */
async function withWidget(
  step: StepId,
  token: string,
  attributes: { reset?: string; lang?: 'nl' | 'en' } = {},
): Promise<WtOnboarding> {
  await resetAll(sessionFor(step));
  sessionStorage.setItem(STEP_STORAGE_KEY, step);
  const el = await fixture<WtOnboarding>(html`
    <wt-onboarding
      lang=${attributes.lang ?? 'nl'}
      anti-automation-field=${FIELD}
      anti-automation-reset=${attributes.reset ?? ''}
    >
      <div slot="anti-automation" class="cf-turnstile">
        <p>Controle: ben je een mens?</p>
        <input type="hidden" name=${FIELD} .value=${token} />
      </div>
    </wt-onboarding>
  `);
  await settled(el, step);
  return el;
}

const REASON = 'anti_automation';

/** What the person reads when the hook refused the token: do the check again. */
const REFUSED = {
  nl: 'De controle of je geen robot bent is niet gelukt. Doe de controle opnieuw en probeer het dan nog eens.',
  en: 'The check that you are not a robot did not succeed. Do the check again and then try once more.',
};

/** The error message right after the widget's slot in the form, or '' when there is none. */
function besideWidget(el: WtOnboarding): string {
  const next = shadow(el, 'slot[name="anti-automation"]')?.nextElementSibling;
  return next?.matches('[part~="error-message"]') ? (next.textContent?.replace(/\s+/gu, ' ').trim() ?? '') : '';
}

/** The slotted field the widget writes into. */
const field = (el: WtOnboarding) => el.querySelector<HTMLInputElement>(`[name="${FIELD}"]`)!;

/** Sends the address of the step's form and waits until the answer is in. */
async function send(el: WtOnboarding, email = 'jan@bedrijf.nl'): Promise<void> {
  type(el, 'email', email);
  submitForm(el, 'email');
  await waitUntil(() => el.flow!.state.busy, 'the request did not start', { timeout: 5000 });
  await waitUntil(() => !el.flow!.state.busy, 'no answer arrived', { timeout: 5000 });
  await el.updateComplete;
}

describe('<wt-onboarding> anti-automation widget (R5)', () => {
  afterEach(() => {
    worker.resetHandlers();
    delete (globalThis as { fakeCaptcha?: unknown }).fakeCaptcha;
    removePageCss();
  });

  it('the slot is shown on the e-mail and forgotten-password steps only, above the send button', async () => {
    const steps: StepId[] = ['start', 'eherkenning-info', 'account', 'email', 'password-email', 'code', 'details'];
    for (const step of steps) {
      const el = await withWidget(step, 'token');
      const slot = shadow<HTMLSlotElement>(el, 'slot[name="anti-automation"]');
      const guarded = step === 'email' || step === 'password-email';
      expect(Boolean(slot), step).to.equal(guarded);
      if (slot) {
        expect(slot.assignedElements()).to.deep.equal([el.querySelector('[slot="anti-automation"]')]);
        // Inside the form, between the address and the send button: reached by Tab before the button.
        const form = shadow(el, 'form')!;
        expect(slot.closest('form')).to.equal(form);
        const order = [...form.querySelectorAll('input[name="email"], slot, button[type="submit"]')];
        expect(order.map((node) => node.localName)).to.deep.equal(['input', 'slot', 'button']);
      }
    }
  });

  it('sends the slotted field’s value with the sign-up start, and with no other request', async () => {
    const seen = recordTokens();
    const el = await withWidget('email', 'turnstile-token-1');
    await send(el);
    expect(el.flow!.state.step).to.equal('code');
    expect(seen.filter(([, token]) => token !== null)).to.deep.equal([['POST /signup/email', 'turnstile-token-1']]);
    expect(seen.length).to.be.greaterThan(1);
  });

  it('sends it with the forgotten-password request too', async () => {
    const seen = recordTokens();
    const el = await withWidget('password-email', 'turnstile-token-2');
    await send(el);
    expect(el.flow!.state.step).to.equal('password-code');
    expect(seen.filter(([, token]) => token !== null)).to.deep.equal([['POST /password/forgot', 'turnstile-token-2']]);
  });

  it('sends no header without anti-automation-field, nor while the widget has no token yet', async () => {
    const seen = recordTokens();
    await resetAll();
    sessionStorage.setItem(STEP_STORAGE_KEY, 'email');
    const bare = await fixture<WtOnboarding>(html`
      <wt-onboarding lang="nl">
        <div slot="anti-automation"><input type="hidden" name=${FIELD} value="not asked for" /></div>
      </wt-onboarding>
    `);
    await settled(bare, 'email');
    await send(bare);
    const unsolved = await withWidget('email', '');
    await send(unsolved);
    expect(seen.filter(([request]) => request === 'POST /signup/email')).to.deep.equal([
      ['POST /signup/email', null],
      ['POST /signup/email', null],
    ]);
  });

  it('the antiAutomationToken property wins over the field, and is asked with the route', async () => {
    const seen = recordTokens();
    const el = await withWidget('email', 'from the field');
    const routes: string[] = [];
    el.antiAutomationToken = async (route) => {
      routes.push(route);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return 'from a script';
    };
    await send(el);
    expect(routes).to.deep.equal(['/signup/email']);
    expect(seen.find(([request]) => request === 'POST /signup/email')?.[1]).to.equal('from a script');
  });

  it('refused by the hook: says to do the check again, beside the widget, and the next try with its new token works', async () => {
    const seen = recordTokens();
    const el = await withWidget('email', 'spent-token', { reset: 'fakeCaptcha' });
    let resets = 0;
    // A widget whose reset() clears its field and, once it has run its challenge again, writes a new token.
    (globalThis as { fakeCaptcha?: unknown }).fakeCaptcha = {
      reset() {
        resets++;
        field(el).value = '';
        setTimeout(() => (field(el).value = `fresh-token-${resets}`), 10);
      },
    };
    api.failNext('/signup/email', { code: 'rate_limited', extra: { retryAfterSeconds: 30, reason: REASON } });
    await send(el);
    expect(el.flow!.state.step).to.equal('email');
    // Announced as every error is, and shown where the person acts on it: below the widget, above the button.
    expect(alertText(el)).to.equal(REFUSED.nl);
    expect(besideWidget(el)).to.equal(REFUSED.nl);
    expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden'), 'not shown twice').to.equal(true);
    expect(shadow(el, '[name="email"]')!.getAttribute('aria-invalid'), 'the address is not at fault').to.equal('false');
    expect(resets).to.equal(1);
    await waitUntil(() => field(el).value === 'fresh-token-1', 'the widget gave no new token');

    button(el, 'Verificatiecode verzenden').click();
    await waitUntil(() => el.flow!.state.step === 'code', 'the second try did not reach the code step', {
      timeout: 5000,
    });
    expect(seen.filter(([request]) => request === 'POST /signup/email').map(([, token]) => token)).to.deep.equal([
      'spent-token',
      'fresh-token-1',
    ]);
    expect(resets).to.equal(2);
  });

  it('a theme can style the refusal below the widget apart from the errors beside fields', async () => {
    // A theme that draws a bar beside field errors (::part(error-message)) need not draw it below the widget.
    pageCss(`wt-onboarding::part(error-message) { border-inline-start: 4px solid rgb(1, 2, 3); }
      wt-onboarding::part(anti-automation-error) { border-inline-start: none; color: rgb(4, 5, 6); }`);
    const el = await withWidget('email', 'spent-token');
    api.failNext('/signup/email', { code: 'rate_limited', extra: { retryAfterSeconds: 30, reason: REASON } });
    await send(el);
    expect(besideWidget(el)).to.equal(REFUSED.nl);
    const refusal = getComputedStyle(shadow(el, 'slot[name="anti-automation"]')!.nextElementSibling!);
    expect([refusal.borderLeftWidth, refusal.color]).to.deep.equal(['0px', 'rgb(4, 5, 6)']);

    type(el, 'email', 'geen-adres');
    submitForm(el, 'email');
    await waitUntil(() => shadow(el, '#wt-email-error'), 'the address was not refused beside its field');
    const fieldError = getComputedStyle(shadow(el, '#wt-email-error')!);
    expect([fieldError.borderLeftWidth, fieldError.color]).to.deep.equal(['4px', 'rgb(179, 0, 0)']);
  });

  it('refused by the hook, in English and on the forgotten-password step', async () => {
    const el = await withWidget('password-email', 'spent-token', { lang: 'en' });
    api.failNext('/password/forgot', { code: 'rate_limited', extra: { retryAfterSeconds: 30, reason: REASON } });
    await send(el);
    expect(el.flow!.state.step).to.equal('password-email');
    expect(alertText(el)).to.equal(REFUSED.en);
    expect(besideWidget(el)).to.equal(REFUSED.en);
  });

  it('a rate limit that is no refused check still says the wait, in the alert, with nothing beside the widget', async () => {
    const el = await withWidget('email', 'token');
    api.failNext('/signup/email', { code: 'rate_limited', extra: { retryAfterSeconds: 30 } });
    await send(el);
    expect(alertText(el)).to.equal(
      'Je hebt het te vaak kort na elkaar geprobeerd. Probeer het over een minuut opnieuw.',
    );
    expect(besideWidget(el)).to.equal('');
    expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden')).to.equal(false);
  });

  it('the message beside the widget passes axe (WCAG 2.2 AA)', async () => {
    const el = await withWidget('email', 'spent-token');
    api.failNext('/signup/email', { code: 'rate_limited', extra: { retryAfterSeconds: 30, reason: REASON } });
    await send(el);
    await expect(el).to.be.accessible();
  });

  it('an address refused before sending spends no token and resets nothing', async () => {
    const seen = recordTokens();
    const el = await withWidget('email', 'unspent', { reset: 'fakeCaptcha' });
    let resets = 0;
    (globalThis as { fakeCaptcha?: unknown }).fakeCaptcha = { reset: () => resets++ };
    type(el, 'email', 'geen adres');
    submitForm(el, 'email');
    await waitUntil(() => el.flow!.state.error, 'the address was not refused');
    expect(el.flow!.state.error!.code).to.equal('invalid_email');
    expect(resets).to.equal(0);
    expect(field(el).value).to.equal('unspent');
    expect(seen.filter(([request]) => request === 'POST /signup/email')).to.deep.equal([]);
  });

  it('passes axe with a widget in the slot, on both steps (WCAG 2.2 AA)', async () => {
    for (const step of ['email', 'password-email'] as const) {
      const el = await withWidget(step, 'token');
      await expect(el).to.be.accessible();
    }
    // And the steps without a widget stay as they were.
    await expect(await showStep('email')).to.be.accessible();
  });
});
