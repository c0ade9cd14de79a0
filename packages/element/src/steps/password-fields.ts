import { html, type TemplateResult } from 'lit';
import {
  passwordRules,
  passwordRulesAttribute,
  violationsOfRule,
  type FieldErrorCode,
  type FlowState,
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

/** The violations the checklist of `policy` shows, one rule each. */
const listedBy = (policy: PasswordPolicy) => new Set<FieldErrorCode>(passwordRules(policy).flatMap(violationsOfRule));

/** True when `verdict` ticks off every rule of the checklist, as the checklist shows it. */
export function checklistMet(policy: PasswordPolicy, verdict: PasswordVerdict): boolean {
  const listed = listedBy(policy);
  return verdict.length > 0 && !verdict.violations.some((violation) => listed.has(violation));
}

/**
 * `state` once the person's typing met every rule of the checklist after a refusal: without the violations the
 * checklist shows, and, when nothing is left beside the password, without a `password_policy` error (nothing stale
 * stays in the alert region). What the checklist cannot see (the server's blocklist, personal data) stays until
 * the next submit: only the server can say whether the new password still breaks it.
 */
export function withChecklistMet(state: FlowState): FlowState {
  if (!('policy' in state)) return state;
  const listed = listedBy(state.policy);
  const { password = [], ...others } = state.fieldErrors ?? {};
  const left = password.filter((code) => !listed.has(code));
  const error = state.error?.code === 'password_policy' && left.length === 0 ? undefined : state.error;
  return { ...state, error, fieldErrors: left.length > 0 ? { ...others, password: left } : others };
}

/** The view with the password's violations that the checklist shows folded into one `password_policy` line. */
function withChecklist(view: StepView, policy: PasswordPolicy): StepView {
  const { state } = view;
  const codes = state.fieldErrors?.password;
  const listed = listedBy(policy);
  if (!codes?.some((code) => listed.has(code))) return view;
  const password: FieldErrorCode[] = ['password_policy', ...codes.filter((code) => !listed.has(code))];
  return { ...view, state: { ...state, fieldErrors: { ...state.fieldErrors, password } } };
}
