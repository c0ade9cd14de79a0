import { randomUUID } from 'node:crypto';
import {
  SIGN_IN_PARAM,
  VERIFICATION_CODE_RULES,
  type FlowAccepted,
  type Language,
  type StepAnswer,
} from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { findAccountByEmail } from '../accounts/accounts.js';
import { addSeconds, secondsUntil } from '../clock.js';
import type { AppContext } from '../context.js';
import { problem } from '../problems.js';
import { checkAntiAutomation } from '../security/anti-automation.js';
import { codeHmac, codeMatches, generateCode } from '../security/codes.js';
import { faultPoint } from '../testing/fault-points.js';
import type { SessionRecord } from '../sessions/sessions.js';
import { sessionFlow, sessionView } from '../sessions/view.js';
import type { Queryable } from '../store/database.js';
import {
  FLOW_COLUMNS,
  FLOW_LIFETIME_SECONDS,
  FLOW_STEPS,
  flowEnded,
  flowInfo,
  toFlow,
  type FlowRecord,
  type FlowRow,
} from './flow-record.js';

/**
 * What `step_out_of_order` says when the request has no session: the usual cause is a client that did not send the
 * cookie `POST /signup/email` set (Node's `fetch` keeps none), so say that, and how to start again.
 */
function noFlowDetail(c: Context, ctx: AppContext, kind: CodeFlowKind): string {
  const [what, start] = kind === 'signup' ? ['sign-up', '/signup/email'] : ['password reset', '/password/forgot'];
  const why =
    getCookie(c, ctx.sessions.cookieName) === undefined
      ? 'the request carried no session cookie'
      : 'the session cookie it carried names no session (a newer cookie replaced it, or it was signed out)';
  return (
    `No ${what} is under way in this session: ${why}. Start again with POST ${start}, and send the cookie it sets ` +
    'with every request after it (in Node: a fetch that keeps cookies, see docs/developers.md "In Node").'
  );
}

/** The two flows that start with an e-mailed code. */
export type CodeFlowKind = 'signup' | 'password-reset';

const RULES = VERIFICATION_CODE_RULES;

/**
 * The rate-limit name of the code submissions per address (`codeFailuresPerAddress`). A successful sign-in with
 * the address's password clears it too (routes/login.ts).
 */
export const CODE_FAILURES = 'code-failures';

/**
 * The e-mailed-code part shared by sign-up and password reset (SECURITY.md C1–C7, R4, R5, F1, F4): start a flow
 * for an address, check a code, send another. The answer never depends on whether the address has an account;
 * only the mail does.
 */
export class CodeFlows {
  readonly #ctx: AppContext;
  constructor(ctx: AppContext) {
    this.#ctx = ctx;
  }

  /**
   * `POST /signup/email` and `POST /password/forgot`. The anti-automation hook, when there is one, is asked
   * first (R5): a refused start counts against no limit, makes no session and sends nothing.
   */
  async start(c: Context, kind: CodeFlowKind, email: string, lang: Language): Promise<FlowAccepted> {
    const ctx = this.#ctx;
    const { db, limits } = ctx;
    const client = ctx.clientIp(c);
    const route = kind === 'signup' ? '/signup/email' : '/password/forgot';
    await checkAntiAutomation(ctx.antiAutomation, c, { clientAddress: client, route }, ctx.logger, (value) =>
      ctx.pseudonym(value),
    );
    await this.#limit(db, 'mail-client', client, limits.mailRequestsPerClient);
    const session = await ctx.sessions.ensure(c);
    const now = ctx.clock();

    // A retry of the same start (the answer got lost) within the cooldown returns the same flow: no second mail (F4).
    const current = await sessionFlow(db, session);
    if (
      current &&
      current.kind === kind &&
      current.email === email &&
      !current.verifiedAt &&
      !current.consumedAt &&
      !flowEnded(current, now) &&
      now < current.resendAvailableAt
    ) {
      return { step: FLOW_STEPS[kind].code, flow: flowInfo(current, now)! };
    }

    await this.#limit(db, 'mail-address', email, limits.mailsPerAddress);
    const flow = await db.transaction(async (tx) => {
      const account = await findAccountByEmail(tx, email);
      const id = randomUUID();
      const code = generateCode();
      const { rows } = await tx.query<FlowRow>(
        `INSERT INTO flows (id, kind, email, lang, account_id, code_hmac, code_expires_at, attempts, sends,
           resend_available_at, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 1, $8, $9, $10)
         RETURNING ${FLOW_COLUMNS}`,
        [
          id,
          kind,
          email,
          lang,
          account?.id ?? null,
          codeHmac(ctx.keys, id, email, code),
          addSeconds(now, RULES.lifetimeSeconds),
          addSeconds(now, RULES.resendCooldownSeconds),
          now,
          addSeconds(now, FLOW_LIFETIME_SECONDS),
        ],
      );
      const created = toFlow(rows[0]!);
      await this.#mail(tx, created, code, account !== undefined);
      await ctx.sessions.setFlow(tx, session.id, created.id);
      return created;
    });
    await faultPoint('code-committed'); // test-only crash injection (SECURITY.md F5); no-op in production
    ctx.logger.info('code_issued', { flow: flow.id, kind, email: ctx.pseudonym(email), send: 1 });
    return { step: FLOW_STEPS[kind].code, flow: flowInfo(flow, now)! };
  }

  /** `POST /signup/code/resend` and `POST /password/code/resend`: a new code; the old one stops working. */
  async resend(c: Context, kind: CodeFlowKind): Promise<FlowAccepted> {
    const ctx = this.#ctx;
    const { db, limits } = ctx;
    const now = ctx.clock();
    const { flow } = await this.#openFlow(c, kind, now);
    if (now < flow.resendAvailableAt) {
      throw problem('resend_too_soon', { retryAfterSeconds: secondsUntil(now, flow.resendAvailableAt) });
    }
    await this.#limit(db, 'mail-client', ctx.clientIp(c), limits.mailRequestsPerClient);
    await this.#limit(db, 'mail-address', flow.email, limits.mailsPerAddress);
    const updated = await db.transaction(async (tx) => {
      const code = generateCode();
      // Only the code, its expiry and the cooldown change: the attempt count carries on (C5). The cooldown is
      // checked again in the UPDATE: of resends sent at once, one moves it and the others find it running (F4).
      const { rows } = await tx.query<FlowRow>(
        `UPDATE flows SET code_hmac = $2, code_expires_at = $3, resend_available_at = $4, sends = sends + 1
         WHERE id = $1 AND verified_at IS NULL AND consumed_at IS NULL AND locked_at IS NULL
           AND resend_available_at <= $5
         RETURNING ${FLOW_COLUMNS}`,
        [
          flow.id,
          codeHmac(ctx.keys, flow.id, flow.email, code),
          addSeconds(now, RULES.lifetimeSeconds),
          addSeconds(now, RULES.resendCooldownSeconds),
          now,
        ],
      );
      if (!rows[0]) {
        const { rows: current } = await tx.query<FlowRow>(`SELECT ${FLOW_COLUMNS} FROM flows WHERE id = $1`, [flow.id]);
        const again = current[0] && toFlow(current[0]);
        if (again && !again.verifiedAt && !again.consumedAt && !again.lockedAt && now < again.resendAvailableAt) {
          throw problem('resend_too_soon', { retryAfterSeconds: secondsUntil(now, again.resendAvailableAt) });
        }
        throw await this.#outOfOrder(tx, c, now);
      }
      const row = toFlow(rows[0]);
      await this.#mail(tx, row, code, row.accountId !== null);
      return row;
    });
    ctx.logger.info('code_issued', { flow: flow.id, kind, email: ctx.pseudonym(flow.email), send: updated.sends });
    return { step: FLOW_STEPS[kind].code, flow: flowInfo(updated, now)! };
  }

  /**
   * `POST /signup/code` and `POST /password/code`. The attempt is counted in its own statement before the
   * comparison (C5); the fifth wrong code ends the flow and every later submission is refused, even a correct one.
   * Each submission is also counted against the flow's address, sign-up and reset alike, whatever client or flow it
   * comes from (C5 step 4, `codeFailuresPerAddress`); a correct code clears that count. A correct code is consumed
   * by one conditional UPDATE, so two concurrent correct submissions succeed once (C3).
   */
  async verify(c: Context, kind: CodeFlowKind, code: string): Promise<StepAnswer> {
    const ctx = this.#ctx;
    const { db } = ctx;
    const now = ctx.clock();
    const steps = FLOW_STEPS[kind];
    await this.#limit(db, 'code-client', ctx.clientIp(c), ctx.limits.codeAttemptsPerClient);
    const { flow } = await this.#openFlow(c, kind, now);
    // Counted per address as its own committed statement before the comparison (C5), so parallel submissions over
    // many flows and clients get no more than the limit compared; the 101st is refused right or wrong, so the
    // refusal tells nothing about the code. Keyed on the address alone, account or not, so it answers alike (R4).
    await this.#limit(db, CODE_FAILURES, flow.email, ctx.limits.codeFailuresPerAddress, {
      detail:
        'Too many wrong codes for this e-mail address. Wait for the time in Retry-After, then enter the code again.',
    });

    const { rows } = await db.query<{ attempts: number; code_hmac: string | null; code_expires_at: Date | null }>(
      `UPDATE flows SET attempts = attempts + 1
       WHERE id = $1 AND verified_at IS NULL AND consumed_at IS NULL AND locked_at IS NULL
       RETURNING attempts, code_hmac, code_expires_at`,
      [flow.id],
    );
    const counted = rows[0];
    if (!counted) throw await this.#outOfOrder(db, c, now);
    const attemptsLeft = Math.max(0, RULES.maxAttempts - counted.attempts);
    if (counted.attempts > RULES.maxAttempts) {
      await this.#lock(flow);
      throw problem('too_many_attempts', { step: steps.start, attemptsLeft: 0 });
    }
    if (!counted.code_hmac || !counted.code_expires_at || now > counted.code_expires_at) {
      ctx.logger.info('code_failed', { flow: flow.id, kind, reason: 'expired', attempts: counted.attempts });
      throw problem('code_expired', { attemptsLeft, step: steps.code });
    }
    if (!codeMatches(ctx.keys, flow.id, flow.email, code, counted.code_hmac)) {
      ctx.logger.info('code_failed', { flow: flow.id, kind, reason: 'wrong', attempts: counted.attempts });
      if (attemptsLeft === 0) {
        await this.#lock(flow);
        throw problem('code_invalid', {
          attemptsLeft: 0,
          step: steps.start,
          detail:
            'That was the last attempt: this attempt has ended. Enter your e-mail address again to receive a new code.',
        });
      }
      throw problem('code_invalid', { attemptsLeft });
    }
    const consumed = await db.query(
      `UPDATE flows SET verified_at = $3, code_hmac = NULL
       WHERE id = $1 AND code_hmac = $2 AND verified_at IS NULL AND locked_at IS NULL AND consumed_at IS NULL
       RETURNING id`,
      [flow.id, counted.code_hmac, now],
    );
    if (consumed.rowCount === 0) throw await this.#outOfOrder(db, c, now);
    // The right code: the wrong ones before it no longer count (63B-4 §3.2.2 SHOULD, as for passwords in R2).
    await ctx.rateLimiter.reset(db, CODE_FAILURES, flow.email);
    ctx.logger.info('code_verified', { flow: flow.id, kind, attempts: counted.attempts });
    return { step: steps.next };
  }

  /**
   * The session's flow of `kind` while it is at its code step; otherwise the error that says where the person is:
   * `session_expired`, `too_many_attempts` / `flow_expired` (start again), or `step_out_of_order` (F1).
   */
  async #openFlow(c: Context, kind: CodeFlowKind, now: Date): Promise<{ session: SessionRecord; flow: FlowRecord }> {
    const ctx = this.#ctx;
    const state = ctx.sessions.state(c);
    if (!state.current) {
      if (state.expired) throw problem('session_expired', { step: null });
      throw problem('step_out_of_order', { step: null, detail: noFlowDetail(c, ctx, kind) });
    }
    const flow = await sessionFlow(ctx.db, state.current);
    const steps = FLOW_STEPS[kind];
    if (flow?.kind === kind && !flow.consumedAt && !flow.verifiedAt) {
      if (flow.lockedAt) throw problem('too_many_attempts', { step: steps.start, attemptsLeft: 0 });
      if (now > flow.expiresAt) throw problem('flow_expired', { step: steps.start });
      return { session: state.current, flow };
    }
    throw await this.#outOfOrder(ctx.db, c, now);
  }

  /** `step_out_of_order` naming the step the session is really on. */
  async #outOfOrder(db: Queryable, c: Context, now: Date) {
    const current = this.#ctx.sessions.current(c);
    const { rows } = current
      ? await db.query<{ flow_id: string | null; account_id: string | null }>(
          'SELECT flow_id, account_id FROM sessions WHERE id = $1',
          [current.id],
        )
      : { rows: [] };
    const fresh = rows[0] && current ? { ...current, flowId: rows[0].flow_id, accountId: rows[0].account_id } : null;
    const view = await sessionView(db, fresh, now);
    return problem('step_out_of_order', { step: view.step });
  }

  async #lock(flow: FlowRecord): Promise<void> {
    await this.#ctx.db.query('UPDATE flows SET locked_at = $2, code_hmac = NULL WHERE id = $1 AND locked_at IS NULL', [
      flow.id,
      this.#ctx.clock(),
    ]);
    this.#ctx.logger.warn('flow_locked', { flow: flow.id, kind: flow.kind, email: this.#ctx.pseudonym(flow.email) });
  }

  async #limit(
    db: Queryable,
    name: string,
    subject: string,
    limit: { max: number; windowSeconds: number },
    extras: { detail?: string } = {},
  ) {
    const verdict = await this.#ctx.rateLimiter.hit(db, name, subject, limit);
    if (!verdict.allowed) {
      this.#ctx.logger.warn('rate_limited', {
        limit: name,
        subject: this.#ctx.pseudonym(subject),
        blocks: verdict.blocks,
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
      throw problem('rate_limited', { ...extras, retryAfterSeconds: verdict.retryAfterSeconds });
    }
  }

  /** Queues the mail of this send: a code when the address fits the flow, otherwise the matching hint (R4). */
  async #mail(tx: Queryable, flow: FlowRecord, code: string, accountExists: boolean): Promise<void> {
    const ctx = this.#ctx;
    const minutes = Math.round(RULES.lifetimeSeconds / 60);
    const base = { to: flow.email, lang: flow.lang };
    if (flow.kind === 'signup') {
      if (accountExists) {
        // The link opens the sign-in step: this session's flow waits for a code that this mail does not bring.
        const signInUrl = new URL(ctx.config.appUrl);
        signInUrl.searchParams.set(SIGN_IN_PARAM, '1');
        await ctx.enqueueMail(tx, { ...base, template: 'account-exists', data: { signInUrl: signInUrl.href } });
      } else {
        await ctx.enqueueMail(tx, { ...base, template: 'verification-code', data: { code, minutes } });
      }
    } else if (accountExists) {
      await ctx.enqueueMail(tx, { ...base, template: 'password-code', data: { code, minutes } });
    } else {
      await ctx.enqueueMail(tx, { ...base, template: 'password-no-account', data: { signUpUrl: ctx.config.appUrl } });
    }
  }
}
