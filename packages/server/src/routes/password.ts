import { ENDPOINTS } from '@wij-techniek/onboarding-contract';
import { findAccountById, setPasswordHash } from '../accounts/accounts.js';
import { assertPasswordAcceptable } from '../accounts/password-check.js';
import { CodeFlows } from '../flows/code-flow.js';
import { readBody } from '../http/body.js';
import { problem } from '../problems.js';
import { sessionFlow, sessionView } from '../sessions/view.js';
import type { RouteModule } from './route-module.js';

/**
 * Forgotten password (issue 10): address → code → new password → signed in. The same code rules as sign-up.
 * Every address gets the same answer; an address without an account gets a mail saying so instead of a code.
 * The reset ends every other session of the account and mails the owner that the password changed.
 */
export const passwordRoutes: RouteModule = {
  name: 'password',
  register(api, ctx) {
    const flows = new CodeFlows(ctx);

    api.post(ENDPOINTS.passwordForgot.path, async (c) => {
      const body = await readBody(c, 'passwordForgot');
      const answer = await flows.start(c, 'password-reset', body.email, body.lang ?? 'nl');
      return c.json(answer, ENDPOINTS.passwordForgot.status);
    });

    api.post(ENDPOINTS.passwordCode.path, async (c) => {
      const body = await readBody(c, 'passwordCode');
      return c.json(await flows.verify(c, 'password-reset', body.code), ENDPOINTS.passwordCode.status);
    });

    api.post(ENDPOINTS.passwordCodeResend.path, async (c) => {
      return c.json(await flows.resend(c, 'password-reset'), ENDPOINTS.passwordCodeResend.status);
    });

    api.post(ENDPOINTS.passwordReset.path, async (c) => {
      const body = await readBody(c, 'passwordReset');
      const now = ctx.clock();
      const state = ctx.sessions.state(c);
      if (!state.current) throw problem(state.expired ? 'session_expired' : 'step_out_of_order', { step: null });
      const flow = await sessionFlow(ctx.db, state.current);
      if (flow?.kind !== 'password-reset' || !flow.verifiedAt || flow.consumedAt || now > flow.expiresAt) {
        const view = await sessionView(ctx.db, state.current, now);
        throw problem('step_out_of_order', { step: view.step });
      }
      const account = flow.accountId ? await findAccountById(ctx.db, flow.accountId) : undefined;
      if (!account) throw problem('step_out_of_order', { step: 'password-email' });
      assertPasswordAcceptable(body.password, ctx.passwordPolicy, [account.email, account.firstName, account.lastName]);
      if (account.passwordHash && (await ctx.passwords.verify(body.password, account.passwordHash)).ok) {
        throw problem('password_unchanged');
      }
      const passwordHash = await ctx.passwords.hash(body.password);
      const ended = await ctx.db.transaction(async (tx) => {
        const locked = await ctx.sessions.lock(c, tx);
        if (!locked || locked.flowId !== flow.id) throw problem('step_out_of_order', { step: null });
        const consumed = await tx.query(
          `UPDATE flows SET consumed_at = $2 WHERE id = $1 AND kind = 'password-reset' AND verified_at IS NOT NULL
             AND consumed_at IS NULL RETURNING id`,
          [flow.id, now],
        );
        if (consumed.rowCount === 0) throw problem('step_out_of_order', { step: null });
        await setPasswordHash(tx, account.id, passwordHash, now);
        const session = await ctx.sessions.rotate(c, tx, { accountId: account.id });
        const count = await ctx.sessions.endOthers(tx, account.id, session.id);
        await ctx.rateLimiter.reset(tx, 'login-failures', account.email);
        await ctx.enqueueMail(tx, {
          to: account.email,
          lang: flow.lang,
          template: 'password-changed',
          data: { firstName: account.firstName, resetUrl: ctx.config.appUrl },
        });
        return count;
      });
      ctx.logger.info('password_reset', { account: account.id, flow: flow.id, sessionsEnded: ended });
      return c.json(await sessionView(ctx.db, ctx.sessions.current(c), now), ENDPOINTS.passwordReset.status);
    });
  },
};
