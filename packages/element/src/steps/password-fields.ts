import { html, type TemplateResult } from 'lit';
import {
  passwordRules,
  passwordRulesAttribute,
  violationsOfRule,
  type FieldErrorCode,
  type PasswordPolicy,
  type PasswordVerdict,
} from '@wij-techniek/onboarding-sdk';
import { actions, checklist, field, passwordToggle } from './parts.js';
import { forField, type StepView } from './view.js';

/**
 * The new-password pair: a hidden `username` field with the account's address (so a password manager saves the
 * pair under the right name), the password with `new-password` and `passwordrules` from the policy, the live
 * checklist, the repeat field and one show/hide toggle for both. A refused password is explained once: one line
 * beside the field points to the checklist for the rules it shows, and only what the checklist cannot show (the
 * blocklist, personal data) gets its own line.
 */
export function newPasswordFields(
  view: StepView,
  labels: { readonly password: string; readonly passwordRepeat: string },
  policy: PasswordPolicy,
  email: string,
  verdict: PasswordVerdict,
): TemplateResult {
  const type = view.passwordVisible ? 'text' : 'password';
  const password = field(withChecklist(forField(view, 'password'), policy), {
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

/** The view with the password's violations that the checklist shows folded into one `password_policy` line. */
function withChecklist(view: StepView, policy: PasswordPolicy): StepView {
  const { state } = view;
  const codes = state.fieldErrors?.password;
  const listed = new Set<FieldErrorCode>(passwordRules(policy).flatMap(violationsOfRule));
  if (!codes?.some((code) => listed.has(code))) return view;
  const password: FieldErrorCode[] = ['password_policy', ...codes.filter((code) => !listed.has(code))];
  return { ...view, state: { ...state, fieldErrors: { ...state.fieldErrors, password } } };
}
