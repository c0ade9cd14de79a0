import { createHash } from 'node:crypto';
import {
  EHERKENNING_OUTCOME_PARAM,
  ENDPOINTS,
  RIGHTS,
  type EherkenningOutcome,
} from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import { findAccountById, membershipsOf } from '../accounts/accounts.js';
import type { Config } from '../config.js';
import type { AppContext, SupplierProvider } from '../context.js';
import {
  EherkenningError,
  EherkenningRelyingParty,
  resolveEherkenningConfig,
  type EherkenningTransaction,
} from '../eherkenning/index.js';
import { recordVerification } from '../eherkenning/verification.js';
import { readBody } from '../http/body.js';
import { problem } from '../problems.js';
import { faultPoint } from '../testing/fault-points.js';
import type { RouteModule } from './route-module.js';

/** How long a person may take at the broker before the transaction is no longer accepted. */
export const TRANSACTION_TTL_MS = 15 * 60 * 1000;

// One relying party per server configuration, shared by the routes and GET /config's supplier list, so the
// discovery and the supplier cache are done once.
const relyingParties = new WeakMap<Config, EherkenningRelyingParty>();

/** The relying party for `config` (created on first use; discovery itself waits for the first request). */
export function relyingPartyFor(config: Config): EherkenningRelyingParty {
  let rp = relyingParties.get(config);
  if (!rp) {
    rp = new EherkenningRelyingParty(resolveEherkenningConfig(config.eherkenning, config));
    relyingParties.set(config, rp);
  }
  return rp;
}

/**
 * The supplier list for `GET /config`, used when `createServer` is not given one. A failure is not logged here:
 * `GET /config` logs it once as `suppliers_unavailable`, with the error's reason, URL and cause in its text
 * (logging here as well wrote two records for one failure).
 */
export function createSupplierProvider(options: { config: Config }): SupplierProvider {
  const rp = relyingPartyFor(options.config);
  return () => rp.suppliers();
}

/** The fields of an `eherkenning_failed` record for `error`: the reason and, when known, what to check. */
function failure(error: unknown): { code: string; reason: string; detail?: string } {
  if (!(error instanceof EherkenningError)) return { code: 'unexpected', reason: 'unexpected' };
  return { code: error.code, reason: error.reason, ...(error.detail ? { detail: error.detail } : {}) };
}

/** Our error as the problem the start endpoint answers with. */
function startProblem(error: unknown): Error {
  if (error instanceof EherkenningError) {
    return problem(error.code === 'broker_unavailable' ? 'broker_unavailable' : 'eherkenning_failed');
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** What the callback tells the page, from the relying party's error. */
function outcomeOf(error: EherkenningError): Exclude<EherkenningOutcome, 'verified'> {
  if (error.code === 'cancelled') return 'cancelled';
  if (error.code === 'level_too_low') return 'level_too_low';
  return 'failed';
}

interface TransactionRow {
  id: string;
  nonce: string | null;
  code_verifier: string | null;
  supplier_id: string;
  return_to: string;
}

/**
 * `POST /eherkenning/start` and `GET /eherkenning/callback` (DESIGN.md "Coming back from eHerkenning").
 *
 * The transaction (state, nonce, PKCE verifier, supplier, returnTo) lives in the database, bound to the
 * session that started it, and is used once (O1–O3). The callback always answers 303 to the stored `returnTo`
 * (or `APP_URL` without a valid transaction) with one `wt-eherkenning` parameter; on success it writes the
 * organisation, the identity link, the membership with all rights, the audit entry and the mails to earlier
 * administrators in one database transaction, and rotates the session (S3). A refusal changes no account or
 * organisation (O14).
 */
export const eherkenningRoutes: RouteModule = {
  name: 'eherkenning',
  register(api, ctx) {
    const rp = relyingPartyFor(ctx.config);

    api.post(ENDPOINTS.eherkenningStart.path, async (c) => {
      const session = ctx.sessions.requireAccount(c);
      const body = await readBody(c, 'eherkenningStart');
      if (!ctx.isAllowedReturnTo(body.returnTo)) throw ctx.problem('return_to_not_allowed');
      if ((await membershipsOf(ctx.db, session.accountId)).length > 0) {
        throw ctx.problem('step_out_of_order', { step: 'verified' });
      }
      let suppliers;
      try {
        suppliers = await rp.suppliers();
      } catch (error) {
        ctx.logger.warn('eherkenning_failed', { stage: 'start', session: session.id, ...failure(error) });
        throw startProblem(error);
      }
      if (!suppliers.some((supplier) => supplier.id === body.supplierId)) throw ctx.problem('unknown_supplier');
      let start;
      try {
        start = await rp.startAuthorization(body.supplierId);
      } catch (error) {
        ctx.logger.warn('eherkenning_failed', { stage: 'start', session: session.id, ...failure(error) });
        throw startProblem(error);
      }
      const { transaction } = start;
      await ctx.db.query(
        `INSERT INTO eherkenning_transactions (session_id, state_hash, nonce, code_verifier, supplier_id, return_to, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          session.id,
          hashState(transaction.state),
          transaction.nonce,
          transaction.codeVerifier,
          transaction.supplierId,
          body.returnTo,
          ctx.clock(),
        ],
      );
      ctx.logger.info('eherkenning_started', { session: session.id, supplier: body.supplierId });
      return c.json({ redirectUrl: start.redirectUrl }, ENDPOINTS.eherkenningStart.status);
    });

    api.get(ENDPOINTS.eherkenningCallback.path, (c) => callback(c, ctx, rp));
  },
};

/** Sends the browser back with the outcome; the code and state stay behind (O12). */
function back(c: Context, target: string, outcome: EherkenningOutcome): Response {
  const url = new URL(target);
  url.searchParams.set(EHERKENNING_OUTCOME_PARAM, outcome);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  return c.redirect(url.href, 303);
}

async function callback(c: Context, ctx: AppContext, rp: EherkenningRelyingParty): Promise<Response> {
  const callbackUrl = new URL(c.req.url);
  const state = callbackUrl.searchParams.get('state');
  const session = ctx.sessions.current(c);
  const now = ctx.clock();
  if (!session?.accountId || !state) {
    ctx.logger.warn('eherkenning_failed', { stage: 'callback', reason: session ? 'no_state' : 'no_session' });
    return back(c, ctx.config.appUrl, 'failed');
  }

  // Single use and bound to this session (O2, O3): a replay, another browser or a stale transaction finds none.
  // Claiming erases the nonce and verifier in the same statement, so a used transaction keeps no secret (L1).
  const claimed = await ctx.db.query<TransactionRow>(
    `UPDATE eherkenning_transactions AS t SET consumed_at = $3, nonce = NULL, code_verifier = NULL
     FROM (SELECT id, nonce, code_verifier FROM eherkenning_transactions
           WHERE state_hash = $1 AND session_id = $2 AND consumed_at IS NULL AND created_at > $4
           FOR UPDATE) AS pending
     WHERE t.id = pending.id
     RETURNING t.id, pending.nonce, pending.code_verifier, t.supplier_id, t.return_to`,
    [hashState(state), session.id, now, new Date(now.getTime() - TRANSACTION_TTL_MS)],
  );
  const row = claimed.rows[0];
  if (!row?.nonce || !row.code_verifier) {
    ctx.logger.warn('eherkenning_failed', { stage: 'callback', reason: 'no_transaction', session: session.id });
    return back(c, ctx.config.appUrl, 'failed');
  }
  const transaction: EherkenningTransaction = {
    // The stored hash matched, so the state in the callback is the one this transaction was started with.
    state,
    nonce: row.nonce,
    codeVerifier: row.code_verifier,
    supplierId: row.supplier_id,
  };

  const accountId = session.accountId;
  let rotated = false;
  try {
    const identity = await rp.completeAuthorization(callbackUrl, transaction);
    await faultPoint('eherkenning-token-exchanged'); // test-only crash injection (SECURITY.md F5); no-op in production
    const account = await findAccountById(ctx.db, accountId);
    if (!account) throw new EherkenningError('failed', 'account_gone');
    const recorded = await ctx.db.transaction(async (tx) => {
      const locked = await ctx.sessions.lock(c, tx);
      if (locked?.accountId !== accountId) throw new EherkenningError('failed', 'session_changed');
      const result = await recordVerification(tx, { accountId, identity, now });
      await tx.query(
        `INSERT INTO audit_log (organisation_id, at, action, actor_account_id, subject_account_id, subject_email, rights_before, rights_after)
         VALUES ($1, $2, 'administrator_verified', $3, $3, $4, $5::text[], $6::text[])`,
        [result.organisationId, now, accountId, account.email, result.rightsBefore, [...RIGHTS]],
      );
      for (const administrator of result.existingAdministrators) {
        await ctx.enqueueMail(tx, {
          to: administrator.email,
          template: 'administrator-added',
          lang: 'nl',
          data: {
            organisationName: result.organisationName,
            kvkNumber: identity.kvkNumber,
            administratorName: `${account.firstName} ${account.lastName}`,
            administratorEmail: account.email,
            manageUrl: ctx.config.appUrl,
          },
        });
      }
      rotated = true;
      await ctx.sessions.rotate(c, tx, { accountId });
      await ctx.sessions.setEherkenningOutcome(tx, session.id, 'verified');
      return result;
    });
    await faultPoint('eherkenning-binding-written'); // test-only crash injection (SECURITY.md F5); no-op in production
    ctx.logger.info('eherkenning_verified', {
      session: session.id,
      organisation: recorded.organisationId,
      created: recorded.createdOrganisation,
      assurance: identity.level,
    });
    ctx.logger.info('administrator_granted', {
      organisation: recorded.organisationId,
      membership: recorded.membershipId,
      notified: recorded.existingAdministrators.length,
    });
    return back(c, row.return_to, 'verified');
  } catch (error) {
    if (rotated) {
      // The transaction rolled back, so the old session id still holds: do not send the new cookie.
      c.header('Set-Cookie', undefined);
      ctx.sessions.state(c).current = session;
    }
    const known = error instanceof EherkenningError ? error : undefined;
    const outcome = known ? outcomeOf(known) : 'failed';
    ctx.logger.warn('eherkenning_failed', {
      stage: 'callback',
      session: session.id,
      ...failure(error),
      ...(known ? {} : { reason: error instanceof Error ? error.name : 'unexpected' }),
    });
    await ctx.sessions.setEherkenningOutcome(ctx.db, session.id, outcome).catch(() => undefined);
    return back(c, row.return_to, outcome);
  }
}

/** The form in which a transaction's state is stored: its SHA-256, so the table never holds it in clear. */
function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}
