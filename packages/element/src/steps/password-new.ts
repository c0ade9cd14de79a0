import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, submit, text } from './parts.js';
import { newPasswordFields } from './password-fields.js';
import { onSubmit, type StepContent, type StepView } from './view.js';

/** `password-new`: the new password after a forgotten one, under the same policy and checklist. */
export function renderPasswordNew(view: StepView, state: StateOf<'password-new'>): StepContent {
  const { t } = view;
  return {
    heading: t.passwordNew.heading,
    body: html`${text(t.passwordNew.intro)}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) =>
          state.actions.submit({ password: value('password'), passwordRepeat: value('passwordRepeat') }),
        )}
      >
        ${newPasswordFields(view, t.passwordNew, state.policy, state.email, state.actions.checkPassword(view.password))}
        ${actions(submit(view, t.passwordNew.action))}
      </form>`,
  };
}
