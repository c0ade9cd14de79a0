import { z } from 'zod/mini';
import { EherkenningOutcomeSchema } from '../eherkenning.js';
import { LanguageSchema, IdSchema, TimestampSchema } from '../fields.js';
import { MembershipSchema } from '../organisation.js';
import { FLOW_KINDS, ServerStepSchema } from '../steps.js';

/**
 * Schema of the server-side flow that is under way (from `POST /signup/email` or `/password/forgot` on): what the
 * code step needs to show after a reload.
 */
export const FlowInfoSchema = z.object({
  kind: z.enum(FLOW_KINDS),
  email: z.string(),
  lang: LanguageSchema,
  attemptsLeft: z.number().check(z.int(), z.nonnegative()),
  /** When another code may be requested. */
  resendAvailableAt: TimestampSchema,
  /** When the flow ends if nobody finishes it. */
  expiresAt: TimestampSchema,
});

/** The server-side flow that is under way. */
export type FlowInfo = z.infer<typeof FlowInfoSchema>;

/**
 * Schema of the session's code flow that ended without being used: five wrong codes (`too_many_attempts`, SECURITY.md
 * C5) or its lifetime passed (`expired`). The flow's e-mail step shows after a reload with this address filled in and
 * the message that fits. The same shape for every address, with an account or without (R4).
 */
export const EndedFlowSchema = z.object({
  kind: z.enum(FLOW_KINDS),
  email: z.string(),
  reason: z.enum(['too_many_attempts', 'expired']),
});

/** The session's code flow that ended without being used. */
export type EndedFlow = z.infer<typeof EndedFlowSchema>;

/** Schema of the signed-in account. */
export const AccountSchema = z.object({
  id: IdSchema,
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** True once eHerkenning proved, at level 3 or higher, that this person acts for an organisation. */
  verified: z.boolean(),
});

/** The signed-in account. */
export type Account = z.infer<typeof AccountSchema>;

/**
 * Schema of `GET /session` and of every answer that signs in: the step the flow is on (`null` when the server
 * holds no flow), the account and its memberships, the flow under way and the last eHerkenning outcome.
 */
export const SessionSchema = z.object({
  step: ServerStepSchema,
  account: z.nullable(AccountSchema),
  memberships: z.array(MembershipSchema),
  flow: z.nullable(FlowInfoSchema),
  /**
   * The session's code flow when it ended unused (then `step` is its e-mail step and `flow` is `null`); `null`
   * otherwise. Absent from servers older than this member.
   */
  endedFlow: z.optional(z.nullable(EndedFlowSchema)),
  /** The outcome of this session's last eHerkenning round trip, which confirms the callback's parameter. */
  eherkenning: z.nullable(z.object({ outcome: EherkenningOutcomeSchema, at: TimestampSchema })),
  /**
   * When this session ends if nothing happens: the earlier of its idle end (every request moves that on) and its
   * absolute end; `null` when there is no session. A page warns before this time (WCAG 2.2.1).
   */
  expiresAt: z.nullable(TimestampSchema),
  /**
   * True when a request (such as `GET /session`) moves {@link Session.expiresAt} on; false when the absolute end
   * comes first (only signing in again gives more time) or when there is no session.
   */
  extendable: z.boolean(),
});

/** The session as the server sees it. */
export type Session = z.infer<typeof SessionSchema>;

/** Schema of the answer to a request that starts or continues a code flow (202). */
export const FlowAcceptedSchema = z.object({
  step: ServerStepSchema,
  flow: FlowInfoSchema,
});

/** The answer to a request that starts or continues a code flow. */
export type FlowAccepted = z.infer<typeof FlowAcceptedSchema>;

/** Schema of the answer to a step that only moves the flow on. */
export const StepAnswerSchema = z.object({ step: ServerStepSchema });

/** The answer to a step that only moves the flow on. */
export type StepAnswer = z.infer<typeof StepAnswerSchema>;
