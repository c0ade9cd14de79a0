import { html, type TemplateResult } from 'lit';
import { passwordRulesAttribute, type PasswordPolicy, type PasswordVerdict } from '@wij-techniek/onboarding-sdk';
import { actions, checklist, field, passwordToggle } from './parts.js';
import { forField, type StepView } from './view.js';

/**
 * The new-password pair: a hidden `username` field with the account's address (so a password manager saves the
 * pair under the right name), the password with `new-password` and `passwordrules` from the policy, the live
 * checklist, the repeat field and one show/hide toggle for both.
 */
export function newPasswordFields(
  view: StepView,
  labels: { readonly password: string; readonly passwordRepeat: string },
  policy: PasswordPolicy,
  email: string,
  verdict: PasswordVerdict,
): TemplateResult {
  const type = view.passwordVisible ? 'text' : 'password';
  const password = field(forField(view, 'password'), {
    name: 'password',
    label: labels.password,
    type,
    autocomplete: 'new-password',
    passwordrules: passwordRulesAttribute(policy),
    describedBy: 'wt-rules',
    onInput: (event) => view.setPassword((event.target as HTMLInputElement).value),
  });
  const repeat = field(forField(view, 'passwordRepeat'), {
    name: 'passwordRepeat',
    label: labels.passwordRepeat,
    type,
    autocomplete: 'new-password',
  });
  return html`<input type="email" name="username" autocomplete="username" .value=${email} hidden readonly /> ${password}
    ${checklist(view, policy, verdict)} ${repeat} ${actions(passwordToggle(view, 'wt-password wt-passwordRepeat'))}`;
}
