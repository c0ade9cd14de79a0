import { html, nothing } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, field, secondary, submit, text } from './parts.js';
import { forField, isRefusedCheck, messageFor, onSubmit, type StepContent, type StepView } from './view.js';

/**
 * `email` and `password-email`: the address a verification code is sent to. The two requests the server's
 * anti-automation hook guards start here, so the page's CAPTCHA widget (the `anti-automation` slot) shows above the
 * send button, in the tab order between the address and the button. When the hook refused its token, the message
 * to do the check again stands right below the widget (and is announced by the alert region, as field errors are).
 */
export function renderEmail(view: StepView, state: StateOf<'email'> | StateOf<'password-email'>): StepContent {
  const { t } = view;
  const texts = state.step === 'email' ? t.email : t.passwordEmail;
  return {
    heading: texts.heading,
    body: html`${text(texts.intro)}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) => state.actions.submit(value('email')))}
      >
        ${field(forField(view, 'email'), {
          name: 'email',
          label: texts.email,
          type: 'email',
          autocomplete: 'email',
          hint: t.email.emailHint,
          value: state.email ?? '',
        })}
        <slot name="anti-automation"></slot>
        ${
          isRefusedCheck(state)
            ? html`<div part="error-message anti-automation-error" class="error-message" id="wt-anti-automation-error">
                <p>${messageFor(view, 'rate_limited')}</p>
              </div>`
            : nothing
        }
        ${actions(
          submit(view, texts.action),
          secondary(view, t.common.back, () => state.actions.back()),
        )}
      </form>`,
  };
}
