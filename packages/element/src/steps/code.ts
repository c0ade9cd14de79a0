import { html, nothing } from 'lit';
import { normaliseVerificationCode, type StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { actions, field, secondary, submit, text } from './parts.js';
import { forField, onSubmit, type StepContent, type StepView } from './view.js';

/**
 * `code` and `password-code`: the e-mailed code. One input with `one-time-code` (so phones offer the code from
 * the mail) and a numeric keyboard, that takes the whole code pasted, spaces and dashes included; resend after
 * a visible countdown; another address. The sign-up's code step also says what someone who already has an
 * account receives instead of a code, in words that are the same for every address. When the same address came
 * again within the countdown no mail went out, and the intro says the code already sent still works.
 */
export function renderCode(view: StepView, state: StateOf<'code'> | StateOf<'password-code'>): StepContent {
  const { t } = view;
  const intro = state.step === 'code' ? t.code : t.passwordCode;
  const waiting = view.resendSeconds > 0;
  return {
    heading: intro.heading,
    body: html`${text(format(state.alreadySent ? intro.alreadySent : intro.intro, { email: state.email }))}
      ${state.step === 'code' ? text(t.code.existingAccount) : nothing}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) => state.actions.submit(normaliseVerificationCode(value('code'))))}
      >
        ${field(forField(view, 'code'), {
          name: 'code',
          label: t.code.code,
          autocomplete: 'one-time-code',
          inputmode: 'numeric',
          hint: t.code.codeHint,
          part: 'code-input',
        })}
        ${actions(submit(view, t.code.action))}
      </form>
      ${
        waiting
          ? html`<p part="hint countdown" class="hint" id="wt-resend-wait">
              ${format(t.code.resendIn, { seconds: view.resendSeconds })}
            </p>`
          : nothing
      }
      ${actions(
        secondary(view, t.code.resend, () => state.actions.resend(), waiting, 'wt-resend-wait'),
        secondary(view, t.code.changeEmail, () => state.actions.changeEmail()),
      )}`,
  };
}
