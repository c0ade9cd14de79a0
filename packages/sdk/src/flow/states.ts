import type {
  Account,
  EherkenningSupplier,
  ErrorCode,
  InvitationPreview,
  Language,
  Membership,
  Organisation,
  PasswordPolicy,
  PasswordVerdict,
  PasswordViolation,
  Right,
  StepId,
} from '@wij-techniek/onboarding-contract/lite';
import type { OnboardingError } from '../errors.js';

/** The fields of the onboarding's forms, as `fieldErrors` names them. */
export type FieldName = 'email' | 'code' | 'password' | 'passwordRepeat' | 'firstName' | 'lastName' | 'supplierId';

/** What can be wrong with one field: a contract error code or a broken password rule. */
export type FieldErrorCode = ErrorCode | PasswordViolation;

/** The per-field errors of a state. */
export type FieldErrors = Readonly<Partial<Record<FieldName, readonly FieldErrorCode[]>>>;

/**
 * A confirmation a step shows on arrival, saying what the last action did: `signed_out` on the start step after
 * {@link SignOutActions.signOut}, `password_changed` on the step after a new password was saved. It belongs to the
 * visit of that step: the next intent or step drops it. Announce it politely (a live region), never as an error.
 */
export type FlowNotice = 'signed_out' | 'password_changed';

/**
 * What every state has: its step, whether a request is under way, the error of the last intent (shown in the
 * live region) and the errors per field (shown next to the field).
 */
export type Step<Id extends StepId, Actions, Data = unknown> = Readonly<Data> & {
  readonly step: Id;
  /** True while a request of this step is under way; a UI blocks submits then. */
  readonly busy: boolean;
  /** The failure of the last intent, if it failed. */
  readonly error?: OnboardingError | undefined;
  /** Failures that belong to one field. */
  readonly fieldErrors?: FieldErrors | undefined;
  /** What the action that led here did, to confirm once (see {@link FlowNotice}). */
  readonly notice?: FlowNotice | undefined;
  /**
   * When the server ends this step's session or flow if nothing happens, in ms since the epoch: the earlier of the
   * session's end and, on the code and password steps, the server-side flow's; unset when the flow knows of none.
   * The session's end comes from every answer that carries it, and after the code steps' answers, which do not,
   * from `GET /session` right after them. So it is the real end as the server gave it after the last action of the
   * flow (a flow's end counts when the session ends less than a second before it: then both were made by one
   * request). A request that failed may have moved the session's end on unseen: until the next answer the time
   * shown can be earlier than the real end, never later. Warn well before it (WCAG 2.2.1). When it passes, the
   * flow asks `GET /session` by itself and shows what the server says: `account` with `session_expired` when the
   * session has ended (the e-mail step with `flow_expired` on the steps of a sign-up or reset, where nobody signed in
   * yet), the e-mail step with `flow_expired` when the flow has, the new end when it had moved on.
   */
  readonly sessionEndsAt?: number | undefined;
  /**
   * True when {@link SessionActions.stayActive} moves {@link Step.sessionEndsAt} on; false when a fixed end comes
   * first (the session's absolute end, or the flow's): then only starting again or signing in again helps.
   */
  readonly sessionExtendable?: boolean | undefined;
  /** What the person can do now. Calling an action of a state that is no longer current throws. */
  readonly actions: Actions;
};

/** The action of the steps that have a server session. */
export interface SessionActions {
  /**
   * Tells the server the person is still here (`GET /session`), which moves the session's idle end on and
   * refreshes {@link Step.sessionEndsAt}. When the session has ended already, the state shows `session_expired` (on
   * the steps of a sign-up or reset: `flow_expired` on their e-mail step).
   */
  stayActive(): Promise<void>;
}

/** The action of the signed-in steps (`supplier`, `verified`). */
export interface SignOutActions {
  /**
   * Signs out (`POST /logout`): the server ends the session, the flow forgets the account and the address, and
   * shows `start` with the notice `signed_out`, then dispatches `signedout` with the account. On a shared computer,
   * the next person starts clean. When the request fails the person stays signed in, with the error.
   */
  signOut(): Promise<void>;
}

/** E-mail address and password of an existing account. */
export interface Credentials {
  readonly email: string;
  readonly password: string;
}

/** What the person enters on the `details` step. */
export interface AccountInput {
  readonly password: string;
  readonly passwordRepeat: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** What the person enters on the `password-new` step. */
export interface NewPasswordInput {
  readonly password: string;
  readonly passwordRepeat: string;
}

/** Data of the code steps. */
export interface CodeData {
  /** The address the code was sent to. */
  readonly email: string;
  /** Wrong codes still allowed. */
  readonly attemptsLeft: number;
  /** When another code may be requested, in ms since the epoch (the flow's clock). */
  readonly resendAvailableAt: number;
  /** Number of digits of a code. */
  readonly codeLength: number;
  /**
   * True when the e-mail step's submit sent no new mail: the person came back and submitted the same address again
   * within the resend countdown, so the server kept its flow (SECURITY.md F4) and the code of the earlier mail
   * still works. Say so, instead of "a code is on its way". The flow sees it in the server's answer: the flow it
   * names is the one the session already ran (same address, same resend time), where a new flow's countdown starts
   * at its own mail. The server answers a new and an existing address alike (R4), so this tells nothing about the
   * address either.
   */
  readonly alreadySent: boolean;
}

/** Data of the e-mail steps. */
export interface EmailData {
  /** The address typed last, to fill in again. */
  readonly email?: string;
}

/** Data of the steps that set a password. */
export interface PasswordData {
  readonly policy: PasswordPolicy;
  readonly email: string;
}

/** Actions of the code steps. */
export interface CodeActions extends SessionActions {
  submit(code: string): Promise<void>;
  resend(): Promise<void>;
  changeEmail(): void;
}

/**
 * Every state of the onboarding, one per step of DESIGN.md. A UI renders `state.step` with an exhaustive switch
 * and calls only the actions the state offers; a wrong action does not compile.
 */
export type FlowState =
  | Step<'start', { begin(): void }>
  | Step<'eherkenning-info', { next(): void; back(): void }>
  | Step<
      'account',
      {
        createAccount(): void;
        signIn(credentials: Credentials): Promise<void>;
        /**
         * Goes to `password-email`, with `email` (the address typed on this step, if any) filled in there, so the
         * person does not type it twice (WCAG 3.3.7).
         */
        forgotPassword(email?: string): void;
        back(): void;
      },
      { email?: string }
    >
  | Step<'email', { submit(email: string): Promise<void>; back(): void }, EmailData>
  | Step<'code', CodeActions, CodeData>
  | Step<
      'details',
      SessionActions & {
        submit(input: AccountInput): Promise<void>;
        /** The verdict the server will give, minus the blocklist, for the live checklist. */
        checkPassword(password: string, names?: { firstName?: string; lastName?: string }): PasswordVerdict;
      },
      PasswordData
    >
  | Step<
      'supplier',
      SessionActions & SignOutActions & { choose(supplierId: string): Promise<void> },
      { account: Account; suppliers: readonly EherkenningSupplier[] }
    >
  | Step<
      'verified',
      SessionActions & SignOutActions,
      {
        account: Account;
        /** The organisation just verified, or the first of the account's memberships. */
        organisation: Organisation;
        /** The account's rights in that organisation. */
        rights: readonly Right[];
        memberships: readonly Membership[];
      }
    >
  | Step<'password-email', { submit(email: string): Promise<void>; back(): void }, EmailData>
  | Step<'password-code', CodeActions, CodeData>
  | Step<
      'password-new',
      SessionActions & {
        submit(input: NewPasswordInput): Promise<void>;
        checkPassword(password: string): PasswordVerdict;
      },
      PasswordData
    >
  | Step<
      'invitation',
      {
        /** Creates the account of an invited person who has none (password and name), and accepts. */
        accept(input: AccountInput): Promise<void>;
        /** Signs in an invited person who has an account, and accepts. */
        signInAndAccept(credentials: Credentials): Promise<void>;
        checkPassword(password: string, names?: { firstName?: string; lastName?: string }): PasswordVerdict;
      },
      { invitation: InvitationPreview; policy: PasswordPolicy }
    >;

/** The state of one step. */
export type StateOf<Id extends StepId> = Extract<FlowState, { step: Id }>;

/** Options of the flow that a UI passes through. */
export interface FlowPreferences {
  readonly lang: Language;
}
