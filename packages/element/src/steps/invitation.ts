import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { actions, field, passwordToggle, submit, text } from './parts.js';
import { nameFields } from './name-fields.js';
import { newPasswordFields } from './password-fields.js';
import { forField, onSubmit, type StepContent, type StepView } from './view.js';

/**
 * `invitation`: an invited employee creates an account, or signs in when the invited address already has one,
 * and accepts; employees never go through eHerkenning.
 */
export function renderInvitation(view: StepView, state: StateOf<'invitation'>): StepContent {
  const { t } = view;
  const { invitation } = state;
  const form = invitation.accountExists
    ? html`<h3 part="subheading">${t.invitation.existingAccountHeading}</h3>
        <form
          part="form"
          novalidate
          aria-busy=${String(state.busy)}
          @submit=${onSubmit(view, (value) =>
            state.actions.signInAndAccept({ email: invitation.email, password: value('password') }),
          )}
        >
          <input type="email" name="username" autocomplete="username" .value=${invitation.email} hidden readonly />
          ${field(forField(view, 'password'), {
            name: 'password',
            label: t.account.password,
            type: view.passwordVisible ? 'text' : 'password',
            autocomplete: 'current-password',
          })}
          ${actions(passwordToggle(view, 'wt-password'))} ${actions(submit(view, t.invitation.signInAndAccept))}
        </form>`
    : html`<h3 part="subheading">${t.invitation.newAccountHeading}</h3>
        <form
          part="form"
          novalidate
          aria-busy=${String(state.busy)}
          @submit=${onSubmit(view, (value) =>
            state.actions.accept({
              password: value('password'),
              passwordRepeat: value('passwordRepeat'),
              firstName: value('firstName'),
              lastName: value('lastName'),
            }),
          )}
        >
          ${newPasswordFields(
            view,
            t.details,
            state.policy,
            invitation.email,
            state.actions.checkPassword(view.password),
          )}
          ${nameFields(view)} ${actions(submit(view, t.invitation.accept))}
        </form>`;
  return {
    heading: t.invitation.heading,
    body: html`${text(format(t.invitation.intro, { organisation: invitation.organisation.name }))} ${form}`,
  };
}
