import type { TemplateResult } from 'lit';
import type { FieldErrorCode, FieldName, FlowState } from '@wij-techniek/onboarding-sdk';
import { format, formatWait, type Translation } from '../i18n/translation.js';

/** What a step's render function returns: the text of the step's heading and the step's body. */
export interface StepContent {
  /** The heading; the element renders it (so focus can move to it) above the status region. */
  readonly heading: string;
  readonly body: TemplateResult;
}

/**
 * Everything a step's render function may use besides its state (which `renderStep` passes narrowed to the
 * step): the flow's state, the texts, and the few view-only things the element keeps (whether the password is
 * shown, the password typed so far for the live checklist). A render function calls only the actions of its own
 * state, through {@link StepView.act}.
 */
export interface StepView {
  /** The flow's state, for the parts every step shares (busy, field errors). */
  readonly state: FlowState;
  readonly t: Translation;
  /** Seconds until another code may be requested (code steps). */
  readonly resendSeconds: number;
  /** True once a new code was sent on this code step: a wrong code may be one of an older e-mail. */
  readonly resent?: boolean;
  /** Whether password fields show their text. */
  readonly passwordVisible: boolean;
  /** The password typed so far, for the live checklist. */
  readonly password: string;
  /** Where the start step's link to more about getting eHerkenning level 3 goes. */
  readonly eherkenningInfoUrl: string;
  /** How many eHerkenning suppliers the server's configuration lists; undefined until it is loaded. */
  readonly supplierCount: number | undefined;
  /** Where the verified step's link back to the site goes. */
  readonly homeUrl: string;
  /** The field whose messages are being rendered, when it is one (see {@link forField}). */
  readonly field?: FieldName | undefined;
  /** Runs an action of the current state, unless a request is under way or the state is stale. */
  act(run: () => Promise<void> | void): void;
  togglePasswordVisible(): void;
  setPassword(password: string): void;
}

/**
 * The view for rendering the field `name`: its messages then say what to do with that field ("Kies een leverancier
 * uit de lijst.") where the general message would only say that something is wrong.
 */
export function forField(view: StepView, name: FieldName): StepView {
  return { ...view, field: name };
}

/** A submit handler that never leaves the page and passes the form's values to `run`. */
export function onSubmit(view: StepView, run: (data: FormValues) => Promise<void> | void) {
  return (event: SubmitEvent): void => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    view.act(() =>
      run((name) => {
        const value = data.get(name);
        return typeof value === 'string' ? value : '';
      }),
    );
  };
}

/** Reads one named value of a submitted form. */
export type FormValues = (name: string) => string;

/**
 * The text for an error code or password violation, with the numbers of the current state filled in; beside a
 * field ({@link forField}) `invalid_request` says what to do with that field.
 */
export function messageFor(view: StepView, code: FieldErrorCode): string {
  const { state, t } = view;
  const wait = state.error?.retryAfterSeconds;
  if (code === 'rate_limited' && isRefusedCheck(state)) return t.antiAutomation.refused;
  if (code === 'rate_limited' && wait !== undefined) return formatWait(t.rateLimited, wait);
  const policy = 'policy' in state ? state.policy : undefined;
  // Beside a field, invalid_request (empty, or not as asked: a code the SDK refused unsent) says what to fill in.
  const template =
    code === 'invalid_request' && view.field
      ? t.fields[view.field]
      : code === 'code_invalid' && view.resent
        ? t.code.invalidAfterResend
        : code in t.violations
          ? t.violations[code as keyof Translation['violations']]
          : t.errors[code as keyof Translation['errors']];
  return format(template, {
    attemptsLeft: state.error?.attemptsLeft ?? ('attemptsLeft' in state ? state.attemptsLeft : undefined),
    retryAfterSeconds: wait,
    min: policy?.minLength,
    max: policy?.maxLength,
  });
}

/**
 * Whether the server's anti-automation hook refused the token of the state's last request: the person must do the
 * check (the CAPTCHA) again rather than wait, whatever `Retry-After` says.
 */
export function isRefusedCheck(state: FlowState): boolean {
  return state.error?.code === 'rate_limited' && state.error.reason === 'anti_automation';
}
