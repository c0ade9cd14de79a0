import type { Session } from '@wij-techniek/onboarding-contract';
import { accountView, findAccountById, membershipsOf } from '../accounts/accounts.js';
import { FLOW_COLUMNS, flowInfo, flowStep, toFlow, type FlowRecord, type FlowRow } from '../flows/flow-record.js';
import type { Queryable } from '../store/database.js';
import type { SessionRecord } from './sessions.js';

/** The flow a session points at, if any. */
export async function sessionFlow(db: Queryable, session: SessionRecord | null): Promise<FlowRecord | null> {
  if (!session?.flowId) return null;
  const { rows } = await db.query<FlowRow>(`SELECT ${FLOW_COLUMNS} FROM flows WHERE id = $1`, [session.flowId]);
  return rows[0] ? toFlow(rows[0]) : null;
}

/**
 * The `Session` answer (`GET /session` and every sign-in): the step the person is on, the account and its
 * memberships, the flow under way and the last eHerkenning outcome. A signed-in account is on `verified` when it
 * has a membership (administrator or invited member) and on `supplier` otherwise; without an account the flow
 * decides, and with neither the step is null.
 */
export async function sessionView(db: Queryable, session: SessionRecord | null, now: Date): Promise<Session> {
  const empty: Session = { step: null, account: null, memberships: [], flow: null, eherkenning: null };
  if (!session) return empty;
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
        eherkenning,
      };
    }
  }
  const flow = await sessionFlow(db, session);
  return {
    step: flow ? flowStep(flow, now) : null,
    account: null,
    memberships: [],
    flow: flow ? flowInfo(flow, now) : null,
    eherkenning,
  };
}
