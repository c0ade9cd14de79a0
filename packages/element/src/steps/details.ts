import { html } from 'lit';
import type { PasswordPolicy, StateOf } from '@wij-techniek/onboarding-sdk';
import { format, type Translation } from '../i18n/translation.js';
import { actions, submit, text } from './parts.js';
import { nameFields } from './name-fields.js';
import { newPasswordFields } from './password-fields.js';
import { onSubmit, type StepContent, type StepView } from './view.js';

/** `details`: password (twice, with the live checklist), first and last name. */
export function renderDetails(view: StepView, state: StateOf<'details'>): StepContent {
  const { t } = view;
  return {
    heading: t.details.heading,
    body: html`${text(passwordIntro(t, state.policy))}
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
        ${nameFields(view)} ${actions(submit(view, t.details.action))}
      </form>`,
  };
}

/**
 * The seed's sentence names the business rule (lengths and all four character classes); a policy that requires
 * fewer classes (`standards`) gets the sentence without them, so the text never asks for more than the server does.
 */
function passwordIntro(t: Translation, policy: PasswordPolicy): string {
  const allClasses = (['upper', 'lower', 'digit', 'symbol'] as const).every((c) => policy.requiredClasses.includes(c));
  return format(allClasses ? t.details.intro : t.details.introLengthOnly, {
    min: policy.minLength,
    max: policy.maxLength,
  });
}
