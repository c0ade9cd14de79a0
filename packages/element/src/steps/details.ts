import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, field, submit, text } from './parts.js';
import { newPasswordFields } from './password-fields.js';
import { onSubmit, type StepContent, type StepView } from './view.js';

/** `details`: password (twice, with the live checklist), first and last name. */
export function renderDetails(view: StepView, state: StateOf<'details'>): StepContent {
  const { t } = view;
  return {
    heading: t.details.heading,
    body: html`${text(t.details.intro)}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) =>
          state.actions.submit({
            password: value('password'),
            passwordRepeat: value('passwordRepeat'),
            firstName: value('firstName'),
            lastName: value('lastName'),
          }),
        )}
      >
        ${newPasswordFields(view, t.details, state.policy, state.email, state.actions.checkPassword(view.password))}
        ${field(view, { name: 'firstName', label: t.details.firstName, autocomplete: 'given-name' })}
        ${field(view, { name: 'lastName', label: t.details.lastName, autocomplete: 'family-name' })}
        ${actions(submit(view, t.details.action))}
      </form>`,
  };
}
