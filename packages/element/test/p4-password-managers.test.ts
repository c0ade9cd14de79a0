// SECURITY.md P4: every password field of <wt-onboarding> works with password managers, autofill and paste: a real
// `type=password` input with the autocomplete token managers look for, inside a real form in the open shadow root,
// a paste that no listener cancels and that fills the field, and a show/hide toggle that works both ways.
// (forms.test.ts covers the sign-in pair, passwordrules and the code field; this file covers every password step.)
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StepId } from '@wij-techniek/onboarding-sdk';
import { PASSWORD, worker } from './support/api.js';
import { button, shadowAll, showStep } from './support/fixture.js';

/** The steps with password fields and the autocomplete token each field carries, in order. */
const STEPS: [StepId, string[]][] = [
  ['account', ['current-password']],
  ['details', ['new-password', 'new-password']],
  ['password-new', ['new-password', 'new-password']],
];

/** Puts `text` on the clipboard the way a person does (select it, press the copy shortcut): no permission needed. */
async function copyToClipboard(text: string): Promise<void> {
  const source = document.createElement('textarea');
  source.value = text;
  document.body.append(source);
  try {
    source.focus();
    source.select();
    await sendKeys({ press: 'ControlOrMeta+C' });
  } finally {
    source.remove();
  }
}

describe('<wt-onboarding> password fields and password managers (P4)', () => {
  afterEach(() => worker.resetHandlers());

  for (const [step, tokens] of STEPS) {
    it(`${step}: type=password with ${tokens.join(' + ')}, in a real form in the open shadow root (P4)`, async () => {
      const el = await showStep(step);
      const inputs = shadowAll<HTMLInputElement>(el, 'input[name^="password"]');
      expect(inputs.map((input) => input.getAttribute('autocomplete'))).to.deep.equal(tokens);
      for (const input of inputs) {
        expect(input.type, input.name).to.equal('password');
        expect(input.form, `${input.name} belongs to a form`).to.be.instanceOf(HTMLFormElement);
        expect(input.getRootNode()).to.equal(el.shadowRoot);
        expect(input.hasAttribute('readonly') || input.disabled, `${input.name} can be filled`).to.equal(false);
        expect(input.hasAttribute('maxlength'), `${input.name} cuts no pasted password`).to.equal(false);
      }
    });

    it(`${step}: a paste is not cancelled and fills the password field (P4)`, async () => {
      const el = await showStep(step);
      for (const input of shadowAll<HTMLInputElement>(el, 'input[name^="password"]')) {
        // No listener on the way (input, shadow root, host, document) may cancel a paste.
        const paste = new Event('paste', { bubbles: true, cancelable: true, composed: true });
        input.dispatchEvent(paste);
        expect(paste.defaultPrevented, `paste cancelled on ${input.name}`).to.equal(false);
        // A real paste, through the browser's own keyboard shortcuts: copy the password, paste it into the field.
        await copyToClipboard(PASSWORD);
        input.focus();
        await sendKeys({ press: 'ControlOrMeta+V' });
        expect(input.value, `pasted into ${input.name}`).to.equal(PASSWORD);
      }
    });

    it(`${step}: the show/hide toggle shows the password fields as text and hides them again (P4)`, async () => {
      const el = await showStep(step);
      const types = () => shadowAll<HTMLInputElement>(el, 'input[name^="password"]').map((input) => input.type);
      const hidden = types().map(() => 'password');
      expect(types()).to.deep.equal(hidden);
      button(el, 'Toon wachtwoord').click();
      await el.updateComplete;
      expect(types()).to.deep.equal(hidden.map(() => 'text'));
      button(el, 'Verberg wachtwoord').click();
      await el.updateComplete;
      expect(types()).to.deep.equal(hidden);
    });
  }
});
