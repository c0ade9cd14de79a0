import type { Right } from '@wij-techniek/onboarding-sdk';
import type { ErrorCode, FieldName, FlowNotice, PasswordRule, PasswordViolation } from '@wij-techniek/onboarding-sdk';
import type { LanguagePartialTexts, PartialTexts } from '../controllers/text-overrides.js';

/**
 * Every text `<wt-onboarding>` shows, for one language. Placeholders in braces are filled in when shown:
 * `{email}`, `{seconds}`, `{minutes}`, `{hours}`, `{time}`, `{current}`/`{total}`, `{min}`/`{max}`, `{organisation}`, `{step}`,
 * `{suppliers}`, `{link}`, and plural choices such as `{attemptsLeft|# poging|# pogingen}` (singular, plural; `#` is
 * the number).
 *
 * Error texts are keyed by the contract's error codes (`errors`) and password violations (`violations`), so
 * one vocabulary runs from the server to the screen. Each says what happened and what to do next.
 */
export interface Translation {
  /** Texts shared by several steps. */
  readonly common: {
    readonly loading: string;
    /** The first load failed while the browser is offline (`navigator.onLine` false): check the connection. */
    readonly loadFailed: string;
    /**
     * The first load failed while the browser is online: the service does not answer (down, or a wrong `api-base`
     * or a page its server does not allow, which the console then explains to the web editor). Try again later.
     */
    readonly unreachable: string;
    readonly retry: string;
    readonly busy: string;
    readonly back: string;
    readonly progress: string;
    readonly showPassword: string;
    readonly hidePassword: string;
    readonly required: string;
    /** The link-style button of the signed-in steps (supplier, verified) that signs out. */
    readonly signOut: string;
  };
  readonly start: {
    readonly heading: string;
    readonly intro: string;
    readonly requirementHeading: string;
    /** With `{suppliers}`: the number of eHerkenning suppliers the server's configuration lists. */
    readonly requirement: string;
    /** The same without a number, while the server's configuration is unknown (it could not be loaded). */
    readonly requirementNoCount: string;
    /** Where to read more; `{link}` is replaced by the link `requirementLink` (the `eherkenning-info-url`). */
    readonly requirementMore: string;
    readonly requirementLink: string;
    readonly action: string;
  };
  readonly eherkenningInfo: {
    readonly heading: string;
    readonly body: string;
    readonly noEherkenning: string;
    readonly action: string;
  };
  readonly account: {
    readonly heading: string;
    readonly intro: string;
    readonly createHeading: string;
    readonly create: string;
    readonly signInHeading: string;
    /** `{step}` is the number the progress shows on the step after signing in (the supplier step). */
    readonly signInIntro: string;
    readonly email: string;
    readonly password: string;
    readonly signIn: string;
    readonly forgotPassword: string;
  };
  readonly email: {
    readonly heading: string;
    readonly intro: string;
    readonly email: string;
    readonly emailHint: string;
    readonly action: string;
  };
  readonly code: {
    readonly heading: string;
    readonly intro: string;
    /**
     * Instead of `intro` when the address was submitted again within the resend countdown: no new mail went out,
     * the code of the earlier one still works (`alreadySent` of the SDK's code state). Shown alike for every address
     * (the server answers a new and an existing one alike, SECURITY.md R4).
     */
    readonly alreadySent: string;
    /**
     * Sign-up only: an address that has an account gets the mail "Je hebt al een Wij Techniek-account" instead of a
     * code. Shown to everyone, so it tells nothing about the address typed (no enumeration, SECURITY.md R4).
     */
    readonly existingAccount: string;
    readonly code: string;
    readonly codeHint: string;
    readonly action: string;
    readonly resend: string;
    readonly resendIn: string;
    readonly changeEmail: string;
    readonly resent: string;
    /**
     * Instead of `errors.code_invalid` once a new code was asked for on this step: the code of an older e-mail no
     * longer works, so the text points at the newest. `{attemptsLeft|…}` as there.
     */
    readonly invalidAfterResend: string;
  };
  readonly details: {
    readonly heading: string;
    /** For a policy that requires all four character classes; `{min}`/`{max}` are its lengths. */
    readonly intro: string;
    /** For a policy that requires fewer classes (`standards`: none); the checklist names any it does require. */
    readonly introLengthOnly: string;
    readonly password: string;
    readonly passwordRepeat: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly action: string;
  };
  readonly supplier: {
    readonly heading: string;
    readonly intro: string;
    readonly supplier: string;
    readonly choose: string;
    readonly action: string;
  };
  readonly verified: {
    readonly heading: string;
    readonly organisation: string;
    readonly administrator: string;
    readonly member: string;
    /** Heading of the list of a member's rights. */
    readonly rights: string;
    /** The name of each right, as the members element names them too. */
    readonly right: Readonly<Record<Right, string>>;
    readonly home: string;
  };
  readonly passwordEmail: {
    readonly heading: string;
    readonly intro: string;
    readonly email: string;
    readonly action: string;
  };
  readonly passwordCode: {
    readonly heading: string;
    readonly intro: string;
    /** As `code.alreadySent`, for the forgotten password. */
    readonly alreadySent: string;
  };
  readonly passwordNew: {
    readonly heading: string;
    readonly intro: string;
    readonly password: string;
    readonly passwordRepeat: string;
    readonly action: string;
  };
  readonly invitation: {
    readonly heading: string;
    readonly intro: string;
    readonly newAccountHeading: string;
    readonly existingAccountHeading: string;
    readonly accept: string;
    readonly signInAndAccept: string;
  };
  /**
   * The notice shown shortly before the session ends if nothing happens (WCAG 2.2.1). `{minutes}` is the time
   * left rounded up, so "within" fits it; `{time}` the exact time left as m:ss, counting down every second.
   * From one minute left the `…Soon` texts replace `warning` and `ending`: a number of minutes would then
   * disagree with the seconds counting down, and the sentence is announced only when it changes, never per second.
   */
  readonly session: {
    /** Announced and shown when the end can be moved on, above the button, while more than a minute is left. */
    readonly warning: string;
    /** `warning` from one minute left: without a number. */
    readonly warningSoon: string;
    /** Announced and shown when it cannot (a fixed end comes first): what to do instead. */
    readonly ending: string;
    /** `ending` from one minute left: without a number. */
    readonly endingSoon: string;
    /** The visible countdown. */
    readonly timeLeft: string;
    /** The button that extends the session. */
    readonly extend: string;
    /** Announced once the session was extended. */
    readonly extended: string;
  };
  /**
   * What the last action did, confirmed once on the step that follows and announced politely, by the SDK's
   * `state.notice`: `signed_out` on the start step, `password_changed` on the step after a new password was saved.
   */
  readonly notices: Readonly<Record<FlowNotice, string>>;
  /** The live checklist of the password policy, one line per rule. */
  readonly rules: Readonly<Record<PasswordRule, string>> & {
    readonly heading: string;
    readonly met: string;
    readonly unmet: string;
  };
  /**
   * What to do with one field that is empty or not filled in as asked (`invalid_request` on that field), shown
   * beside it instead of the general `errors.invalid_request`, which stays the announced message.
   */
  readonly fields: Readonly<Record<FieldName, string>>;
  /** Why a password is refused, by violation code. */
  readonly violations: Readonly<Record<PasswordViolation, string>>;
  /** What went wrong and what to do next, by error code. */
  readonly errors: Readonly<Record<ErrorCode, string>>;
  /**
   * `rate_limited` when the answer said how long to wait (`retryAfterSeconds`, or a `Retry-After` header), instead
   * of `errors.rate_limited`, which stays for a refusal without a known wait. The wait in words a person reads,
   * rounded up so that trying at the time said works: under an hour `minutes`, with `{minutes|…}` (30 seconds is
   * one minute); from an hour on `hours`, with `{hours|…}`. Stated once, when the refusal arrives, not counted
   * down (the alert region would announce every tick): trying earlier is refused with the wait that is left.
   */
  readonly rateLimited: {
    readonly minutes: string;
    readonly hours: string;
  };
  /** The server's anti-automation check (the CAPTCHA in the `anti-automation` slot). */
  readonly antiAutomation: {
    /**
     * Instead of the `rate_limited` texts when the server's anti-automation hook refused the token (the problem's
     * `reason` is `anti_automation`): the person must do the check again, not wait. Shown below the widget.
     */
    readonly refused: string;
  };
}

/** A partial {@link Translation}, to any depth (`verified.right.administer` alone): what a page overrides in `texts`. */
export type TextOverrides = PartialTexts<Translation>;

/**
 * Overrides with a language key: `{ start: {…}, en: { start: {…} } }`. Keys outside `nl`/`en` apply to every
 * language; the language's own keys win over them.
 */
export type LanguageTextOverrides = LanguagePartialTexts<Translation>;

/**
 * Fills the placeholders of `template`: `{name}` by `values.name`, and `{name|one|other}` by the singular or
 * plural choice for the number `values.name`, with `#` replaced by the number.
 */
export function format(template: string, values: Readonly<Record<string, string | number | undefined>> = {}): string {
  return template.replace(
    /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/gu,
    (whole, name: string, one?: string, other?: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      if (one === undefined || other === undefined) return String(value);
      return (value === 1 ? one : other).replace(/#/gu, String(value));
    },
  );
}

/**
 * The `rateLimited` text for a wait of `seconds`: rounded up to whole minutes, or to whole hours from an hour on.
 */
export function formatWait(texts: Translation['rateLimited'], seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 60 ? format(texts.minutes, { minutes }) : format(texts.hours, { hours: Math.ceil(minutes / 60) });
}
