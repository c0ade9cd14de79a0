import {
  VERIFICATION_CODE_RULES,
  type EndedFlow,
  type FlowInfo,
  type Language,
  type ServerStepId,
} from '@wij-techniek/onboarding-contract';

/** What kind of server-side flow; the names are the contract's `FLOW_KINDS`. */
export type FlowKind = 'signup' | 'password-reset' | 'invitation';

/** A flow as stored. */
export interface FlowRecord {
  readonly id: string;
  readonly kind: FlowKind;
  readonly email: string;
  readonly lang: Language;
  readonly accountId: string | null;
  readonly codeHmac: string | null;
  readonly codeExpiresAt: Date | null;
  readonly attempts: number;
  readonly sends: number;
  readonly resendAvailableAt: Date;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly verifiedAt: Date | null;
  readonly consumedAt: Date | null;
  readonly lockedAt: Date | null;
}

/** The flow columns, for SELECT and RETURNING. */
export const FLOW_COLUMNS =
  'id, kind, email, lang, account_id, code_hmac, code_expires_at, attempts, sends, resend_available_at, created_at, expires_at, verified_at, consumed_at, locked_at';

/** A `flows` row as the adapters return it. */
export interface FlowRow {
  id: string;
  kind: FlowKind;
  email: string;
  lang: Language;
  account_id: string | null;
  code_hmac: string | null;
  code_expires_at: Date | null;
  attempts: number;
  sends: number;
  resend_available_at: Date;
  created_at: Date;
  expires_at: Date;
  verified_at: Date | null;
  consumed_at: Date | null;
  locked_at: Date | null;
}

/** Maps a row to a record. */
export function toFlow(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    lang: row.lang,
    accountId: row.account_id,
    codeHmac: row.code_hmac,
    codeExpiresAt: row.code_expires_at,
    attempts: row.attempts,
    sends: row.sends,
    resendAvailableAt: row.resend_available_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    verifiedAt: row.verified_at,
    consumedAt: row.consumed_at,
    lockedAt: row.locked_at,
  };
}

/** A sign-up or reset flow ends this long after it began, finished or not (SECURITY.md S4). */
export const FLOW_LIFETIME_SECONDS = 30 * 60;

/** True when the flow can no longer move: locked by wrong codes, or past its lifetime. */
export function flowEnded(flow: FlowRecord, now: Date): boolean {
  return flow.lockedAt !== null || now > flow.expiresAt;
}

/** The step names of each kind: where it starts again, the code step, the step after the code. */
export const FLOW_STEPS: Readonly<Record<FlowKind, { start: ServerStepId; code: ServerStepId; next: ServerStepId }>> = {
  signup: { start: 'email', code: 'code', next: 'details' },
  'password-reset': { start: 'password-email', code: 'password-code', next: 'password-new' },
  invitation: { start: 'invitation', code: 'invitation', next: 'invitation' },
};

/** The step an unfinished flow is on; null once it is consumed (the account's state decides then). */
export function flowStep(flow: FlowRecord, now: Date): ServerStepId | null {
  if (flow.consumedAt) return null;
  const steps = FLOW_STEPS[flow.kind];
  if (flowEnded(flow, now)) return steps.start;
  return flow.verifiedAt ? steps.next : steps.code;
}

/** What the code step shows after a reload; null for a flow that is over. */
export function flowInfo(flow: FlowRecord, now: Date): FlowInfo | null {
  if (flow.consumedAt || flowEnded(flow, now)) return null;
  return {
    kind: flow.kind,
    email: flow.email,
    lang: flow.lang,
    attemptsLeft: Math.max(0, VERIFICATION_CODE_RULES.maxAttempts - flow.attempts),
    resendAvailableAt: flow.resendAvailableAt.toISOString(),
    expiresAt: flow.expiresAt.toISOString(),
  };
}

/**
 * The flow that ended without being used, for the e-mail step a reload shows: which kind, the address to fill in
 * again, and why (locked by five wrong codes, SECURITY.md C5, wins over a lifetime that passed after it). Null for a
 * flow under way or consumed. Nothing in it depends on whether the address has an account (R4).
 */
export function endedFlowInfo(flow: FlowRecord, now: Date): EndedFlow | null {
  if (flow.consumedAt || !flowEnded(flow, now)) return null;
  return { kind: flow.kind, email: flow.email, reason: flow.lockedAt ? 'too_many_attempts' : 'expired' };
}
