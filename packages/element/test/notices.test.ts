// What a user review found on the real stack: no way to sign out, no confirmation after a new password, the address
// not carried to "Wachtwoord vergeten?", an empty address called invalid (twice), and a session that ended silently.
// Each test asserts what a person sees and hears, in Dutch and English, against the msw stand-in of the API.
import { expect, waitUntil } from '@open-wc/testing';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { api, EXISTING_EMAIL, PASSWORD } from './support/api.js';
import {
  alertText,
  button,
  fieldError,
  heading,
  settled,
  shadow,
  shadowAll,
  showStep,
  type,
} from './support/fixture.js';

const LANGS = ['nl', 'en'] as const;

/** The text of every polite live region (role=status) together. */
const announced = (el: WtOnboarding) =>
  shadowAll(el, '[role="status"]')
    .map((region) => region.textContent?.replace(/\s+/gu, ' ').trim() ?? '')
    .join(' ');

/** The regions that show `text`, visibly (not `visually-hidden`). */
const shownStatus = (el: WtOnboarding, text: string) =>
  shadowAll(el, '[role="status"]').filter(
    (region) => region.textContent?.includes(text) && !region.classList.contains('visually-hidden'),
  );

describe('<wt-onboarding> signing out', () => {
  for (const lang of LANGS) {
    const t = TRANSLATIONS[lang];
    for (const step of ['supplier', 'verified'] as const) {
      it(`${lang}: "${t.common.signOut}" on ${step} signs out and the start step confirms it`, async () => {
        const el = await showStep(step, { lang });
        const signOut = shadow<HTMLButtonElement>(el, '[part~="sign-out"]')!;
        expect(signOut.textContent.trim()).to.equal(t.common.signOut);
        expect(signOut.type).to.equal('button');
        // Secondary: not a main action, and after the step's own controls in the tab order.
        expect(signOut.getAttribute('part')).to.not.contain('button-primary');
        const rect = signOut.getBoundingClientRect();
        expect(rect.height).to.be.at.least(44);
        signOut.click();
        await settled(el, 'start');
        expect(api.session.account, 'the server ended the session (POST /logout)').to.equal(null);
        expect(shownStatus(el, t.notices.signed_out)).to.have.length(1);
        expect(announced(el)).to.contain(t.notices.signed_out);
        expect(el.shadowRoot!.activeElement?.id).to.equal('wt-heading');
        button(el, t.start.action).click();
        await settled(el, 'eherkenning-info');
        expect(announced(el)).to.not.contain(t.notices.signed_out);
      });
    }
  }

  it('the notice region is in the page before its text arrives, so it is announced', async () => {
    const el = await showStep('supplier');
    const region = shadow(el, '[part~="step"] [role="status"]');
    expect(region, 'an empty live region on the signed-in step').to.not.equal(null);
    expect(region!.textContent.trim()).to.equal('');
    shadow<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
    await settled(el, 'start');
    expect(shadow(el, '[part~="step"] [role="status"]')).to.equal(region);
  });

  it('steps without signOut have no sign-out button', async () => {
    for (const step of ['start', 'account', 'details', 'password-new'] as const) {
      const el = await showStep(step);
      expect(shadow(el, '[part~="sign-out"]'), step).to.equal(null);
    }
  });
});

describe('<wt-onboarding> after a new password', () => {
  for (const lang of LANGS) {
    const t = TRANSLATIONS[lang];
    it(`${lang}: the next step says "${t.notices.password_changed}", announced; gone after the next action`, async () => {
      const el = await showStep('password-new', { lang });
      type(el, 'password', PASSWORD);
      type(el, 'passwordRepeat', PASSWORD);
      button(el, t.passwordNew.action).click();
      await settled(el, 'supplier');
      expect(shownStatus(el, t.notices.password_changed)).to.have.length(1);
      expect(announced(el)).to.contain(t.notices.password_changed);
      shadow<HTMLButtonElement>(el, '[part~="sign-out"]')!.click();
      await settled(el, 'start');
      expect(announced(el)).to.not.contain(t.notices.password_changed);
    });
  }
});

describe('<wt-onboarding> "Wachtwoord vergeten?" keeps the address (WCAG 3.3.7)', () => {
  for (const lang of LANGS) {
    const t = TRANSLATIONS[lang];
    it(`${lang}: the address typed for signing in is filled in on the forgotten-password step`, async () => {
      const el = await showStep('account', { lang });
      type(el, 'email', EXISTING_EMAIL);
      button(el, t.account.forgotPassword).click();
      await settled(el, 'password-email');
      expect(shadow<HTMLInputElement>(el, '[name="email"]')!.value).to.equal(EXISTING_EMAIL);
    });
  }
});

describe('<wt-onboarding> an empty address', () => {
  for (const lang of LANGS) {
    const t = TRANSLATIONS[lang];
    for (const step of ['email', 'password-email', 'account'] as const) {
      it(`${lang}, ${step}: says fill it in beside the field, once; the alert still announces`, async () => {
        const el = await showStep(step, { lang });
        const form = shadow<HTMLInputElement>(el, '[name="email"]')!.form!;
        form.requestSubmit();
        await settled(el, step);
        await el.updateComplete;
        expect(fieldError(el, 'email')).to.equal(t.fields.email);
        const alert = shadow(el, '[role="alert"]')!;
        expect(alertText(el)).to.not.equal('', 'announced');
        expect(alertText(el)).to.not.contain(t.fields.email);
        if (step !== 'account') {
          expect(alert.classList.contains('visually-hidden'), 'not shown twice').to.equal(true);
        }
        type(el, 'email', 'jan@');
        form.requestSubmit();
        await waitUntil(() => fieldError(el, 'email') === t.errors.invalid_email, 'a wrong address says so');
      });
    }
  }
});

describe('<wt-onboarding> when the session ends (WCAG 2.2.1)', () => {
  for (const lang of LANGS) {
    const t = TRANSLATIONS[lang];
    it(`${lang}: at the end the flow moves to signing in with session_expired, announced, without a click`, async () => {
      const ends = Date.now() + 1500;
      const el = await showStep('supplier', { lang, session: { endsAt: ends, extendable: false } });
      expect(el.flow!.state.sessionEndsAt).to.equal(ends);
      // The server ends the session at its end (the stand-in forgets it then).
      setTimeout(() => api.reset(), ends - Date.now());
      await waitUntil(() => el.flow!.state.step === 'account', 'the step did not change by itself', {
        timeout: 6000,
      });
      await settled(el, 'account');
      expect(api.requests.filter((route) => route === 'GET /session')).to.have.length(1);
      expect(alertText(el)).to.equal(t.errors.session_expired);
      expect(heading(el)).to.equal(t.account.heading);
      expect(el.shadowRoot!.activeElement?.id).to.equal('wt-heading');
    });
  }
});

describe('<wt-onboarding> texts the review found', () => {
  /** Every string of a text table, with its path. */
  const strings = (value: unknown, path = ''): [string, string][] =>
    typeof value === 'string'
      ? [[path, value]]
      : Object.entries(value as object).flatMap(([key, inner]) => strings(inner, `${path}.${key}`));

  for (const lang of LANGS) {
    it(`${lang}: no sentence ends in double punctuation ("?." after a quoted label)`, () => {
      const doubled = strings(TRANSLATIONS[lang]).filter(([, text]) => /[?!.]\.(\s|$)/u.test(text));
      expect(doubled).to.deep.equal([]);
    });
  }

  it('the wrong-password message names the button, both languages', async () => {
    for (const lang of LANGS) {
      const t = TRANSLATIONS[lang];
      const el = await showStep('account', { lang });
      type(el, 'email', EXISTING_EMAIL);
      type(el, 'password', 'niet-het-wachtwoord');
      button(el, t.account.signIn).click();
      await waitUntil(() => alertText(el) !== '', 'no alert');
      expect(alertText(el)).to.equal(t.errors.invalid_credentials);
      expect(alertText(el)).to.contain(`‘${t.account.forgotPassword}’`);
    }
  });

  it('the supplier step keeps the seed’s "Kies in de uitklapbare lijst" (and says drop-down list in English)', async () => {
    const nl = await showStep('supplier');
    expect(shadow(nl, '[part~="step"]')!.textContent).to.contain('Kies in de uitklapbare lijst de leverancier');
    const en = await showStep('supplier', { lang: 'en' });
    expect(shadow(en, '[part~="step"]')!.textContent).to.contain('Choose from the drop-down list the supplier');
  });
});
