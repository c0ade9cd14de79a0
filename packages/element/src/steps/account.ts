import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { actions, field, passwordToggle, secondary, submit, text } from './parts.js';
import { stepNumber } from './sign-up-steps.js';
import { forField, onSubmit, type StepContent, type StepView } from './view.js';

/**
 * `account`: the Wij Techniek account's login screen. Create an account (once), or sign in with an existing one;
 * the sign-in form is a real `<form>` with `username`/`current-password` so password managers fill it. Signing in
 * skips to the supplier step, whose number the text names as the progress shows it (the seed's "stap 7").
 */
export function renderAccount(view: StepView, state: StateOf<'account'>): StepContent {
  const { t } = view;
  return {
    heading: t.account.heading,
    body: html`<h3 part="subheading">${t.account.createHeading}</h3>
      ${text(t.account.intro)}
      ${actions(
        html`<button
          part="button button-primary"
          class="button button-primary"
          type="button"
          @click=${() => view.act(() => state.actions.createAccount())}
        >
          ${t.account.create}
        </button>`,
      )}
      <h3 part="subheading">${t.account.signInHeading}</h3>
      ${text(format(t.account.signInIntro, { step: stepNumber('supplier') }))}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) =>
          state.actions.signIn({ email: value('email'), password: value('password') }),
        )}
      >
        ${field(forField(view, 'email'), {
          name: 'email',
          label: t.account.email,
          type: 'email',
          autocomplete: 'username',
          value: state.email ?? '',
        })}
        ${field(forField(view, 'password'), {
          name: 'password',
          label: t.account.password,
          type: view.passwordVisible ? 'text' : 'password',
          autocomplete: 'current-password',
        })}
        ${actions(
          passwordToggle(view, 'wt-password'),
          // WCAG 3.3.7: the address typed here goes along to the forgotten-password step.
          secondary(view, t.account.forgotPassword, (event) =>
            state.actions.forgotPassword(addressIn(event.currentTarget as HTMLButtonElement)),
          ),
        )}
        ${actions(
          submit(view, t.account.signIn),
          secondary(view, t.common.back, () => state.actions.back()),
        )}
      </form>`,
  };
}

/** The address typed in the sign-in form of `button`. */
function addressIn(button: HTMLButtonElement): string | undefined {
  const input = button.form?.elements.namedItem('email');
  return input instanceof HTMLInputElement ? input.value : undefined;
}
