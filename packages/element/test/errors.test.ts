// Every error a person can meet shows what happened and what to do next, next to the field it belongs to (with
// aria-invalid and aria-describedby) or in the alert region when it belongs to the step, and is announced.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PasswordViolation } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import { format } from '../src/i18n/translation.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, api, BLOCKLISTED, EXISTING_EMAIL, PASSWORD } from './support/api.js';
import {
  alertText,
  button,
  fieldError,
  heading,
  resetAll,
  sessionFor,
  setParam,
  settled,
  shadow,
  shadowAll,
  showStep,
  submitForm,
  type,
} from './support/fixture.js';

const nl = TRANSLATIONS.nl;

/** Checks that the input is marked invalid and described by its error, and returns that error's text. */
function invalidField(el: WtOnboarding, name: string): string {
  const input = shadow<HTMLInputElement>(el, `[name="${name}"]`)!;
  expect(input.getAttribute('aria-invalid'), `aria-invalid of ${name}`).to.equal('true');
  return fieldError(el, name);
}

async function failedOn(el: WtOnboarding, step: Parameters<typeof settled>[1]): Promise<void> {
  await waitUntil(() => el.flow!.state.error && !el.flow!.state.busy, 'no error arrived', { timeout: 5000 });
  await settled(el, step);
}

describe('<wt-onboarding> errors', () => {
  afterEach(() => setParam('wt-eherkenning', undefined));

  it('code_invalid: beside the code, with the attempts left (C5)', async () => {
    const el = await showStep('code');
    type(el, 'code', '000000');
    submitForm(el, 'code');
    await failedOn(el, 'code');
    expect(invalidField(el, 'code')).to.contain('Deze code klopt niet').and.contain('nog 4 keer');
    // Announced in the alert region, but not shown twice.
    expect(alertText(el)).to.contain('Deze code klopt niet');
    expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden')).to.equal(true);
  });

  it('code_invalid after "Stuur een nieuwe code": points at the newest e-mail, attempts left kept (C5, C7)', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const t = TRANSLATIONS[lang];
      const el = await showStep('code', { lang, session: { ...sessionFor('code'), flow: api.codeFlow('signup') } });
      type(el, 'code', '000000');
      submitForm(el, 'code');
      await failedOn(el, 'code');
      // Before a resend only the one code exists: no talk of a newer e-mail.
      expect(invalidField(el, 'code')).to.equal(format(t.errors.code_invalid, { attemptsLeft: 4 }));

      button(el, t.code.resend).click();
      await waitUntil(() => !el.flow!.state.busy && !el.flow!.state.error, 'the resend did not end');
      await el.updateComplete;
      type(el, 'code', '000000');
      submitForm(el, 'code');
      await failedOn(el, 'code');
      const message = format(t.code.invalidAfterResend, { attemptsLeft: 3 });
      expect(invalidField(el, 'code')).to.equal(message);
      expect(alertText(el)).to.equal(message);
    }
    expect(format(nl.code.invalidAfterResend, { attemptsLeft: 3 })).to.equal(
      'Deze code klopt niet. Heb je een nieuwe code aangevraagd? Gebruik dan de code uit de nieuwste e-mail. Je kunt het nog 3 keer proberen.',
    );
  });

  it('a code refused before sending (empty, letters): "fill in the code", no wrong code, no try counted (C5)', async () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const typed of ['', '12a456']) {
        const el = await showStep('code', { lang });
        type(el, 'code', typed);
        submitForm(el, 'code');
        await failedOn(el, 'code');
        expect(el.flow!.state.fieldErrors).to.deep.equal({ code: ['invalid_request'] });
        expect(invalidField(el, 'code')).to.equal(TRANSLATIONS[lang].fields.code);
        expect(alertText(el)).to.equal(TRANSLATIONS[lang].errors.invalid_request);
        expect(api.requests).not.to.include('POST /signup/code');
        expect(api.session.flow!.attemptsLeft).to.equal(5);
      }
    }
    expect(nl.fields.code).to.equal('Vul de verificatiecode uit je e-mail in.');
  });

  it('code_expired: beside the code, pointing at a new code (C2)', async () => {
    const el = await showStep('code', { session: { codeExpired: true } });
    type(el, 'code', '123456');
    submitForm(el, 'code');
    await failedOn(el, 'code');
    expect(invalidField(el, 'code')).to.equal(nl.errors.code_expired);
  });

  it('too_many_attempts: back at the e-mail step, told to start again (C5)', async () => {
    const el = await showStep('code');
    api.session.flow!.attemptsLeft = 1;
    type(el, 'code', '999999');
    submitForm(el, 'code');
    await failedOn(el, 'email');
    expect(heading(el)).to.equal(nl.email.heading);
    expect(alertText(el)).to.equal(nl.errors.too_many_attempts);
    expect(alertText(el)).to.contain('Begin opnieuw');
    expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden')).to.equal(false);
  });

  it('too_many_attempts: the address typed on this page is filled in again at the e-mail step', async () => {
    const el = await showStep('email');
    type(el, 'email', ACCOUNT.email);
    submitForm(el, 'email');
    await settled(el, 'code');
    api.session.flow!.attemptsLeft = 1;
    type(el, 'code', '999999');
    submitForm(el, 'code');
    await failedOn(el, 'email');
    expect(shadow<HTMLInputElement>(el, '[name="email"]')!.value).to.equal(ACCOUNT.email);
  });

  it('resend_too_soon: says how long to wait and counts down (C7)', async () => {
    const el = await showStep('code', { session: { ...sessionFor('code'), flow: api.codeFlow('signup') } });
    api.failNext('/signup/code/resend', { code: 'resend_too_soon', extra: { retryAfterSeconds: 30 } });
    button(el, nl.code.resend).click();
    await failedOn(el, 'code');
    expect(alertText(el)).to.contain('Wacht 30 seconden');
    expect(shadow(el, '[part~="countdown"]')!.textContent).to.match(/over (29|30) seconden/u);
    expect(button(el, nl.code.resend).getAttribute('aria-disabled')).to.equal('true');
  });

  const violations: [string, string, PasswordViolation][] = [
    ['too short', 'Kort-1a', 'too_short'],
    ['too long', 'Veel-Te-Lang-Wachtwoord-123!', 'too_long'],
    ['no upper case', 'zonnig-dak-2024!', 'missing_upper'],
    ['no lower case', 'ZONNIG-DAK-2024!', 'missing_lower'],
    ['no digit', 'Zonnig-Dak-Twee!', 'missing_digit'],
    ['no symbol', 'ZonnigDak2024abc', 'missing_symbol'],
    ['the last name', 'Jansen-Dak-2024!', 'contains_personal_data'],
  ];
  for (const [what, password, violation] of violations) {
    it(`password_policy: ${what} is explained once, beside the password or in the checklist (P1)`, async () => {
      const el = await showStep('details');
      type(el, 'password', password);
      type(el, 'passwordRepeat', password);
      type(el, 'firstName', 'Jan');
      type(el, 'lastName', 'Jansen');
      submitForm(el, 'password');
      await failedOn(el, 'details');
      expect(el.flow!.state.fieldErrors!.password).to.include(violation);
      // A rule the checklist shows is pointed at there; what it cannot show is named beside the field.
      const ruleIndex = [
        'too_short',
        'too_long',
        'missing_upper',
        'missing_lower',
        'missing_digit',
        'missing_symbol',
      ].indexOf(violation);
      const inChecklist = ruleIndex >= 0;
      expect(invalidField(el, 'password')).to.equal(inChecklist ? nl.errors.password_policy : nl.violations[violation]);
      if (inChecklist) {
        const item = shadowAll(el, '[part~="checklist-item"]')[Math.max(0, ruleIndex - 1)]!;
        expect(item.classList.contains('unmet'), `checklist line for ${violation}`).to.equal(true);
      }
      // Announced, not shown a second time above the form.
      expect(alertText(el)).to.equal(nl.errors.password_policy);
      expect(shadow(el, '[role="alert"]')!.classList.contains('visually-hidden')).to.equal(true);
    });
  }

  it('password_policy: four broken rules make one line beside the field, not four', async () => {
    const el = await showStep('details');
    type(el, 'password', 'kort');
    type(el, 'passwordRepeat', 'kort');
    submitForm(el, 'password');
    await failedOn(el, 'details');
    expect(el.flow!.state.fieldErrors!.password).to.have.length(4);
    expect(shadowAll(el, '#wt-password-error p').map((p) => p.textContent.trim())).to.deep.equal([
      nl.errors.password_policy,
    ]);
    expect(shadowAll(el, '[part~="checklist-item"].unmet')).to.have.length(4);
  });

  for (const step of ['details', 'password-new', 'invitation'] as const) {
    it(`password_policy on ${step}: the line beside the password goes once the typing meets every rule (P1)`, async () => {
      const el = await showStep(step);
      const names = step !== 'password-new';
      type(el, 'password', 'Kort-1a');
      type(el, 'passwordRepeat', 'Kort-1a');
      if (names) type(el, 'firstName', 'Jan');
      submitForm(el, 'password');
      await failedOn(el, step);
      expect(invalidField(el, 'password')).to.equal(nl.errors.password_policy);
      if (names) {
        // A name left empty is the person's to fill in: the password meeting the rules does not clear it.
        type(el, 'password', PASSWORD);
        await el.updateComplete;
        expect(shadow(el, '[name="password"]')!.getAttribute('aria-invalid')).to.equal('false');
        expect(invalidField(el, 'lastName')).to.equal(nl.fields.lastName);
        expect(alertText(el)).to.equal(nl.errors.invalid_request);
        type(el, 'password', 'Kort-1a');
        type(el, 'lastName', 'Jansen');
        submitForm(el, 'password');
        await failedOn(el, step);
        expect(invalidField(el, 'password')).to.equal(nl.errors.password_policy);
      }

      // Not yet: one rule is still unmet, the checklist says so and the line stays.
      type(el, 'password', 'ZonnigDak20245');
      await el.updateComplete;
      expect(invalidField(el, 'password')).to.equal(nl.errors.password_policy);

      type(el, 'password', PASSWORD);
      await el.updateComplete;
      expect(shadowAll(el, '[part~="checklist-item"].unmet')).to.have.length(0);
      const input = shadow<HTMLInputElement>(el, '[name="password"]')!;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(fieldError(el, 'password')).to.equal('');
      expect(shadow(el, '[part~="field-invalid"] [name="password"]')).to.equal(null);
      // Nothing left to announce either: the alert region holds no stale refusal.
      expect(alertText(el)).to.equal('');

      // Settled for good: breaking a rule again is shown by the checklist, not by the old refusal coming back.
      type(el, 'password', 'Zonnig-Dak');
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      expect(alertText(el)).to.equal('');
    });
  }

  it('password_policy: what the checklist cannot see stays beside the password until the next submit (P3)', async () => {
    const el = await showStep('details');
    type(el, 'password', 'Jansen-Dak-1');
    type(el, 'passwordRepeat', 'Jansen-Dak-1');
    type(el, 'firstName', 'Jan');
    type(el, 'lastName', 'Jansen');
    submitForm(el, 'password');
    await failedOn(el, 'details');
    expect(shadowAll(el, '#wt-password-error p').map((p) => p.textContent.trim())).to.deep.equal([
      nl.errors.password_policy,
      nl.violations.contains_personal_data,
    ]);
    type(el, 'password', PASSWORD);
    await el.updateComplete;
    // The checklist's part went; the name in the old password is the server's to judge again.
    expect(invalidField(el, 'password')).to.equal(nl.violations.contains_personal_data);

    const blocked = await showStep('details');
    type(blocked, 'password', BLOCKLISTED);
    type(blocked, 'passwordRepeat', BLOCKLISTED);
    type(blocked, 'firstName', 'Jan');
    type(blocked, 'lastName', 'Jansen');
    submitForm(blocked, 'password');
    await failedOn(blocked, 'details');
    type(blocked, 'password', PASSWORD);
    await blocked.updateComplete;
    expect(invalidField(blocked, 'password')).to.equal(nl.violations.blocklisted);
    expect(alertText(blocked)).to.equal(nl.errors.password_policy);
  });

  it('a failed submit moves focus to the first invalid field, and the alert still announces it', async () => {
    const el = await showStep('details');
    type(el, 'password', PASSWORD);
    type(el, 'passwordRepeat', PASSWORD);
    shadow<HTMLButtonElement>(el, 'button[type="submit"]')!.focus();
    shadow<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
    await failedOn(el, 'details');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('firstName');
    expect(alertText(el)).to.equal(nl.errors.invalid_request);

    // Also on the supplier step, and for a failure the SDK finds before sending (the repeat differs).
    const supplier = await showStep('supplier');
    button(supplier, nl.supplier.action).focus();
    button(supplier, nl.supplier.action).click();
    await failedOn(supplier, 'supplier');
    expect(supplier.shadowRoot!.activeElement?.id).to.equal('wt-supplierId');

    const again = await showStep('details');
    type(again, 'password', PASSWORD);
    type(again, 'passwordRepeat', `${PASSWORD}x`);
    submitForm(again, 'password');
    await again.updateComplete;
    expect(again.shadowRoot!.activeElement?.getAttribute('name')).to.equal('passwordRepeat');
  });

  it('password_policy: the blocklist verdict comes from the server (P3)', async () => {
    const el = await showStep('details');
    type(el, 'password', BLOCKLISTED);
    type(el, 'passwordRepeat', BLOCKLISTED);
    type(el, 'firstName', 'Jan');
    type(el, 'lastName', 'Jansen');
    submitForm(el, 'password');
    await failedOn(el, 'details');
    expect(api.requests).to.include('POST /signup/account');
    expect(invalidField(el, 'password')).to.equal(nl.violations.blocklisted);
  });

  it('passwords_differ: beside the repeat field', async () => {
    const el = await showStep('details');
    type(el, 'password', PASSWORD);
    type(el, 'passwordRepeat', `${PASSWORD}x`);
    type(el, 'firstName', 'Jan');
    type(el, 'lastName', 'Jansen');
    submitForm(el, 'password');
    await failedOn(el, 'details');
    expect(invalidField(el, 'passwordRepeat')).to.equal(nl.errors.passwords_differ);
    expect(shadow(el, '[name="password"]')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('invalid_credentials: in the sign-in form, without saying which was wrong (R4)', async () => {
    const el = await showStep('account');
    type(el, 'email', EXISTING_EMAIL);
    type(el, 'password', 'niet-het-goede');
    submitForm(el, 'password');
    await failedOn(el, 'account');
    expect(alertText(el)).to.equal(nl.errors.invalid_credentials);
  });

  it('invalid_email: beside the address', async () => {
    const el = await showStep('email');
    type(el, 'email', 'geen-adres');
    submitForm(el, 'email');
    await failedOn(el, 'email');
    expect(invalidField(el, 'email')).to.equal(nl.errors.invalid_email);
  });

  for (const [outcome, code] of [
    ['cancelled', 'eherkenning_cancelled'],
    ['level_too_low', 'eherkenning_level_too_low'],
    ['failed', 'eherkenning_failed'],
  ] as const) {
    it(`${code}: shown on the supplier step after coming back, focus on the heading (O14)`, async () => {
      await resetAll({ ...sessionFor('supplier'), eherkenning: outcome });
      setParam('wt-eherkenning', outcome);
      const el = await fixture<WtOnboarding>(html`<wt-onboarding></wt-onboarding>`);
      await settled(el, 'supplier');
      expect(alertText(el)).to.equal(nl.errors[code]);
      expect(el.shadowRoot!.activeElement?.id).to.equal('wt-heading');
    });
  }

  for (const outcome of ['cancelled', 'level_too_low'] as const) {
    it(`back from eHerkenning (${outcome}): the supplier chosen before is chosen again`, async () => {
      const el = await showStep('supplier');
      el.addEventListener('wt-eherkenning-redirect', (event) => event.preventDefault());
      const select = shadow<HTMLSelectElement>(el, 'select')!;
      select.value = 'digidentity';
      select.form!.requestSubmit();
      await waitUntil(() => api.requests.includes('POST /eherkenning/start') && !el.flow!.state.busy, 'not sent');
      el.remove();

      // The broker sends the person back to this page: a new page load, in the same tab.
      api.session.eherkenning = outcome;
      setParam('wt-eherkenning', outcome);
      const back = await fixture<WtOnboarding>(html`<wt-onboarding></wt-onboarding>`);
      await settled(back, 'supplier');
      expect(shadow<HTMLSelectElement>(back, 'select')!.value).to.equal('digidentity');
      // Sending it again is one click on Verder.
      back.addEventListener('wt-eherkenning-redirect', (event) => event.preventDefault());
      shadow<HTMLSelectElement>(back, 'select')!.form!.requestSubmit();
      await waitUntil(
        () => api.bodies.get('/eherkenning/start')?.supplierId === 'digidentity' && !back.flow!.state.busy,
      );
    });
  }

  it('signing out forgets the supplier: the next person in this tab chooses their own', async () => {
    const el = await showStep('supplier');
    sessionStorage.setItem('wt-onboarding-supplier', 'kpn');
    button(el, nl.common.signOut).click();
    await settled(el, 'start');
    expect(sessionStorage.getItem('wt-onboarding-supplier')).to.equal(null);
  });

  it('a remembered supplier the list no longer has is not chosen; no storage is no problem', async () => {
    await resetAll(sessionFor('supplier'));
    sessionStorage.setItem('wt-onboarding-supplier', 'verdwenen-leverancier');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding></wt-onboarding>`);
    await settled(el, 'supplier');
    expect(shadow<HTMLSelectElement>(el, 'select')!.value).to.equal('');

    // Storage that refuses every read and write, as a sandboxed frame's does.
    const saved = Object.getOwnPropertyDescriptors(Storage.prototype);
    const refuse = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    for (const name of ['getItem', 'setItem', 'removeItem']) {
      Object.defineProperty(Storage.prototype, name, { ...saved[name], value: refuse });
    }
    try {
      const blocked = await showStep('supplier');
      const select = shadow<HTMLSelectElement>(blocked, 'select')!;
      expect(select.value).to.equal('');
      blocked.addEventListener('wt-eherkenning-redirect', (event) => event.preventDefault());
      select.value = 'kpn';
      select.form!.requestSubmit();
      await waitUntil(() => api.bodies.get('/eherkenning/start')?.supplierId === 'kpn' && !blocked.flow!.state.busy);
    } finally {
      Object.defineProperties(Storage.prototype, saved);
    }
  });

  it('network_error: says to check the connection, and the step stays', async () => {
    const el = await showStep('email');
    api.failNext('/signup/email', 'network');
    type(el, 'email', ACCOUNT.email);
    submitForm(el, 'email');
    await failedOn(el, 'email');
    expect(alertText(el)).to.equal(nl.errors.network_error);
  });

  it('session_expired: back to signing in, told why', async () => {
    const el = await showStep('supplier');
    api.failNext('/eherkenning/start', { code: 'session_expired' });
    const select = shadow<HTMLSelectElement>(el, 'select')!;
    select.value = 'kpn';
    select.form!.requestSubmit();
    await failedOn(el, 'account');
    expect(alertText(el)).to.equal(nl.errors.session_expired);
  });

  it('invalid_request on the supplier: "Kies een leverancier uit de lijst." beside the list', async () => {
    const el = await showStep('supplier');
    button(el, nl.supplier.action).click();
    await failedOn(el, 'supplier');
    expect(el.flow!.state.fieldErrors).to.deep.equal({ supplierId: ['invalid_request'] });
    expect(invalidField(el, 'supplierId')).to.equal('Kies een leverancier uit de lijst.');
    // The announcement may stay general: the field says what to do.
    expect(alertText(el)).to.equal(nl.errors.invalid_request);
  });

  it('invalid_request on the names: each says which name to fill in, in both languages', async () => {
    for (const lang of ['nl', 'en'] as const) {
      const el = await showStep('details', { lang });
      type(el, 'password', PASSWORD);
      type(el, 'passwordRepeat', PASSWORD);
      submitForm(el, 'password');
      await failedOn(el, 'details');
      expect(invalidField(el, 'firstName')).to.equal(TRANSLATIONS[lang].fields.firstName);
      expect(invalidField(el, 'lastName')).to.equal(TRANSLATIONS[lang].fields.lastName);
    }
    expect(TRANSLATIONS.nl.fields.firstName).to.equal('Vul je voornaam in.');
  });

  it('the per-field texts can be replaced like every text', async () => {
    const el = await showStep('supplier');
    el.texts = { fields: { supplierId: 'Kies eerst je eHerkenning-leverancier.' } };
    button(el, nl.supplier.action).click();
    await failedOn(el, 'supplier');
    expect(invalidField(el, 'supplierId')).to.equal('Kies eerst je eHerkenning-leverancier.');
  });

  it('every error code and violation has a text in both languages that says what to do', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const [code, text] of Object.entries({ ...TRANSLATIONS[lang].errors, ...TRANSLATIONS[lang].violations })) {
        // Two sentences at least: what happened, then what to do next.
        expect(text.split(/[.!?](\s|$)/u).filter((s) => s.trim()).length, `${lang} ${code}`).to.be.at.least(2);
      }
    }
  });
});
