// Zod-free, so the lite entry can use it; ../steps.ts adds the zod schema.

/**
 * Every step of the onboarding, in the order a new person meets them. `start`, `eherkenning-info`,
 * `account` and `email` exist before the server holds a flow; from `code` on the server owns the step.
 * The `password-*` steps are the forgotten-password path from `account`; `invitation` is where an invited
 * employee sets up their account.
 */
export const STEP_IDS = [
  'start',
  'eherkenning-info',
  'account',
  'email',
  'code',
  'details',
  'supplier',
  'verified',
  'password-email',
  'password-code',
  'password-new',
  'invitation',
] as const;

/** One of {@link STEP_IDS}. */
export type StepId = (typeof STEP_IDS)[number];

/**
 * The steps the server can report in `step`. `email` means the server-side flow has ended (five wrong codes,
 * or it expired) and the person starts again by entering their address.
 */
export const SERVER_STEP_IDS = [
  'email',
  'code',
  'details',
  'supplier',
  'verified',
  'password-email',
  'password-code',
  'password-new',
  'invitation',
] as const satisfies readonly StepId[];

/** A step the server can report. */
export type ServerStepId = (typeof SERVER_STEP_IDS)[number];

/** What kind of server-side flow a session is in. */
export const FLOW_KINDS = ['signup', 'password-reset', 'invitation'] as const;

/**
 * The query parameter of the sign-in link in the "you already have an account" mail (`APP_URL?wt-sign-in=1`): the
 * page opens on the sign-in step (`account`) rather than the code step, for which that mail brings no code. Only the
 * mail carries it: the session of that sign-up looks like any other (SECURITY.md R4).
 */
export const SIGN_IN_PARAM = 'wt-sign-in';
