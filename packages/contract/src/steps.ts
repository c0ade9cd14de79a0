import { z } from 'zod/mini';

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

/** Schema of a step id. */
export const StepIdSchema = z.enum(STEP_IDS);

/** Schema of `step` in server answers: `null` when this session has no server-side flow. */
export const ServerStepSchema = z.nullable(z.enum(SERVER_STEP_IDS));
