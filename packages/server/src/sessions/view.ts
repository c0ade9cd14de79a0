import type { Session } from '@wij-techniek/onboarding-contract';
import { accountView, findAccountById, membershipsOf } from '../accounts/accounts.js';
import {
  FLOW_COLUMNS,
  endedFlowInfo,
  flowInfo,
  flowStep,
  toFlow,
  type FlowRecord,
  type FlowRow,
} from '../flows/flow-record.js';
import type { Queryable } from '../store/database.js';
import type { SessionRecord } from './sessions.js';

/** The flow a session points at, if any. */
export async function sessionFlow(db: Queryable, session: SessionRecord | null): Promise<FlowRecord | null> {
  if (!session?.flowId) return null;
  const { rows } = await db.query<FlowRow>(`SELECT ${FLOW_COLUMNS} FROM flows WHERE id = $1`, [session.flowId]);
  return rows[0] ? toFlow(rows[0]) : null;
}

/**
 * When the session ends if nothing happens, and whether activity moves that on (WCAG 2.2.1: the page warns before
 * the end and, when it can, offers to extend it). The idle end counts from the last recorded activity, which a
 * request writes at most once a minute (a tenth of the idle time when that is shorter), so the time given is never
 * later than the real end.
 */
export function sessionEnd(session: SessionRecord | null): Pick<Session, 'expiresAt' | 'extendable'> {
  if (!session) return { expiresAt: null, extendable: false };
  const extendable = session.idleEndsAt < session.expiresAt;
  return { expiresAt: (extendable ? session.idleEndsAt : session.expiresAt).toISOString(), extendable };
}

/**
 * The `Session` answer (`GET /session` and every sign-in): the step the person is on, the account and its
 * memberships, the flow under way (or the one that ended unused), the last eHerkenning outcome and when the session
 * ends. A signed-in account is on `verified` when it has a membership (administrator or invited member) and on
 * `supplier` otherwise; without an account the flow decides, and with neither the step is null.
 */
export async function sessionView(db: Queryable, session: SessionRecord | null, now: Date): Promise<Session> {
  const end = sessionEnd(session);
  if (!session) {
    return { step: null, account: null, memberships: [], flow: null, endedFlow: null, eherkenning: null, ...end };
  }
  const eherkenning = session.eherkenning
    ? { outcome: session.eherkenning.outcome, at: session.eherkenning.at.toISOString() }
    : null;
  if (session.accountId) {
    const account = await findAccountById(db, session.accountId);
    if (account) {
      const memberships = await membershipsOf(db, account.id);
      return {
        step: memberships.length > 0 ? 'verified' : 'supplier',
        account: accountView(account),
        memberships,
        flow: null,
        endedFlow: null,
        eherkenning,
        ...end,
      };
    }
  }
  const flow = await sessionFlow(db, session);
  return {
    step: flow ? flowStep(flow, now) : null,
    account: null,
    memberships: [],
    flow: flow ? flowInfo(flow, now) : null,
    endedFlow: flow ? endedFlowInfo(flow, now) : null,
    eherkenning,
    ...end,
  };
}
