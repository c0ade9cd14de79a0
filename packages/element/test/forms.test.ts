// Forms as a person (and their password manager) expects them: real forms with the autocomplete tokens managers
// look for, the policy's passwordrules, a live checklist, show/hide, a code field that takes a pasted code, the
// suppliers in the broker's order, a visible resend countdown and no double submit.
import { expect, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { passwordRulesAttribute, PASSWORD_POLICIES } from '@wij-techniek/onboarding-sdk';
import { api, API, CONFIG, PASSWORD, SUPPLIERS, worker } from './support/api.js';
import { button, sessionFor, settled, shadow, shadowAll, showStep, submitForm, type } from './support/fixture.js';

describe('<wt-onboarding> forms', () => {
  afterEach(() => worker.resetHandlers());

  it('sign-in: username and current-password inputs in one real form in the open shadow root (P4)', async () => {
    const el = await showStep('account');
    expect(el.shadowRoot, 'an open shadow root: managers and tests can reach the inputs').to.not.equal(null);
    const email = shadow<HTMLInputElement>(el, 'input[autocomplete="username"]')!;
    const password = shadow<HTMLInputElement>(el, 'input[autocomplete="current-password"]')!;
    expect(email.type).to.equal('email');
    expect(password.type).to.equal('password');
    expect(email.form).to.be.instanceOf(HTMLFormElement);
    expect(password.form).to.equal(email.form);
    expect([...email.form!.elements].filter((e) => e instanceof HTMLInputElement).map((e) => e.name)).to.deep.equal([
      'email',
      'password',
    ]);
    expect(shadow(el, `label[for="${password.id}"]`)!.textContent.trim()).to.equal('Wachtwoord');
  });

  it('details: new-password twice, passwordrules from the policy, the address as username, names (P4)', async () => {
    const el = await showStep('details');
    const passwords = shadowAll<HTMLInputElement>(el, 'input[autocomplete="new-password"]');
    expect(passwords.map((input) => input.name)).to.deep.equal(['password', 'passwordRepeat']);
    expect(passwords[0]!.getAttribute('passwordrules')).to.equal(passwordRulesAttribute(PASSWORD_POLICIES.business));
    const username = shadow<HTMLInputElement>(el, 'input[autocomplete="username"]')!;
    expect(username.value).to.equal(api.session.flow!.email);
    expect(username.form).to.equal(passwords[0]!.form);
    expect(shadow(el, 'input[autocomplete="given-name"]')).to.not.equal(null);
    expect(shadow(el, 'input[autocomplete="family-name"]')).to.not.equal(null);
  });

  it('offers the accepted credentials to the browser password store after sign-up (Credential Management)', async () => {
    const el = await showStep('details');
    const stored: Credential[] = [];
    const original = navigator.credentials.store.bind(navigator.credentials);
    navigator.credentials.store = (credential: Credential) => {
      stored.push(credential);
      return Promise.resolve();
    };
    try {
      type(el, 'password', PASSWORD);
      type(el, 'passwordRepeat', PASSWORD);
      type(el, 'firstName', 'Jan');
      type(el, 'lastName', 'Jansen');
      submitForm(el, 'password');
      await waitUntil(() => stored.length > 0, 'nothing offered to the password store');
      const credential = stored[0] as Credential & { password: string };
      expect(credential.id).to.equal(api.session.account!.email);
      expect(credential.password).to.equal(PASSWORD);
    } finally {
      navigator.credentials.store = original;
    }
  });

  it('the show/hide toggle shows both passwords and says so (P4)', async () => {
    const el = await showStep('details');
    const toggle = button(el, 'Toon wachtwoord');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(shadowAll<HTMLInputElement>(el, '[name^="password"]').map((input) => input.type)).to.deep.equal([
      'text',
      'text',
    ]);
    expect(button(el, 'Verberg wachtwoord').getAttribute('aria-pressed')).to.equal('true');
  });

  it('ticks off the password rules live while typing', async () => {
    const el = await showStep('details');
    const met = () => shadowAll(el, '.checklist li').map((li) => li.classList.contains('met'));
    expect(met()).to.deep.equal([false, false, false, false, false]);
    type(el, 'password', 'Zonnig');
    await el.updateComplete;
    // length, upper, lower, digit, symbol
    expect(met()).to.deep.equal([false, true, true, false, false]);
    type(el, 'password', PASSWORD);
    await el.updateComplete;
    expect(met()).to.deep.equal([true, true, true, true, true]);
    expect(shadow(el, '[name="password"]')!.getAttribute('aria-describedby')).to.contain('wt-rules');
  });

  it('the code input: one-time-code, numeric keyboard, paste allowed, spaces and dashes accepted (P4)', async () => {
    const el = await showStep('code');
    const input = shadow<HTMLInputElement>(el, '[name="code"]')!;
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.hasAttribute('maxlength'), 'no maxlength that would cut a pasted "123 456"').to.equal(false);
    const paste = new Event('paste', { bubbles: true, cancelable: true, composed: true });
    input.dispatchEvent(paste);
    expect(paste.defaultPrevented).to.equal(false);
    type(el, 'code', ' 123-456 ');
    submitForm(el, 'code');
    await settled(el, 'details');
  });

  it('lists the suppliers in the broker’s order', async () => {
    const el = await showStep('supplier');
    const options = shadowAll<HTMLOptionElement>(el, 'select[part~="supplier-select"] option');
    expect(options.map((option) => option.value)).to.deep.equal(['', ...CONFIG.suppliers.map((s) => s.id)]);
    expect(options.slice(1).map((option) => option.textContent.trim())).to.deep.equal(SUPPLIERS.map((s) => s.name));
  });

  it('shows the resend countdown and refuses to resend before it ends (C7)', async () => {
    const el = await showStep('code');
    expect(shadow(el, '[part~="countdown"]')!.textContent).to.match(/over 4[45] seconden/u);
    const resend = button(el, 'Stuur een nieuwe code');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    resend.click();
    await el.updateComplete;
    expect(api.requests).to.not.include('POST /signup/code/resend');
  });

  it('announces a resent code in the status region', async () => {
    const el = await showStep('code', { session: { ...sessionFor('code'), flow: api.codeFlow('signup') } });
    expect(shadow(el, '[part~="countdown"]')).to.equal(null);
    button(el, 'Stuur een nieuwe code').click();
    await waitUntil(() => shadow(el, '[role="status"]')!.textContent.includes('nieuwe code gestuurd'));
    expect(shadow(el, '[part~="countdown"]')).to.not.equal(null);
  });

  it('is busy while a request runs: one request for two submits, busy state for designers', async () => {
    worker.use(
      http.post(`${API}/signup/email`, async () => {
        api.requests.push('POST /signup/email');
        await delay(300);
        return HttpResponse.json({ step: 'code', flow: api.sessionBody().flow }, { status: 202 });
      }),
    );
    api.session.flow = api.codeFlow('signup');
    const el = await showStep('email', { session: { flow: api.codeFlow('signup') } });
    type(el, 'email', 'jan@bedrijf.nl');
    submitForm(el, 'email');
    submitForm(el, 'email');
    await el.updateComplete;
    expect(el.matches(':state(busy)')).to.equal(true);
    expect(shadow(el, 'button[type="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el, '[role="status"]')!.textContent).to.contain('Even geduld');
    await waitUntil(() => !el.flow!.state.busy, 'request never ended');
    expect(api.requests.filter((request) => request === 'POST /signup/email')).to.have.length(1);
  });
});
