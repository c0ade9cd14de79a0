import { ENDPOINTS } from '@wij-techniek/onboarding-contract';
import { createAccount } from '../accounts/accounts.js';
import { assertPasswordAcceptable } from '../accounts/password-check.js';
import { CodeFlows } from '../flows/code-flow.js';
import { readBody } from '../http/body.js';
import { problem } from '../problems.js';
import { sessionFlow, sessionView } from '../sessions/view.js';
import type { RouteModule } from './route-module.js';

/** Sign-up: address → code → password and name → signed in, on to the supplier step. */
export const signupRoutes: RouteModule = {
  name: 'signup',
  register(api, ctx) {
    const flows = new CodeFlows(ctx);

    api.post(ENDPOINTS.signupEmail.path, async (c) => {
      const body = await readBody(c, 'signupEmail');
      const answer = await flows.start(c, 'signup', body.email, body.lang ?? 'nl');
      return c.json(answer, ENDPOINTS.signupEmail.status);
    });

    api.post(ENDPOINTS.signupCode.path, async (c) => {
      const body = await readBody(c, 'signupCode');
      return c.json(await flows.verify(c, 'signup', body.code), ENDPOINTS.signupCode.status);
    });

    api.post(ENDPOINTS.signupCodeResend.path, async (c) => {
      return c.json(await flows.resend(c, 'signup'), ENDPOINTS.signupCodeResend.status);
    });

    // Creates the account in one transaction: the flow is consumed, the account and credential written and the
    // session rotated and signed in together, or none of it (F2). The session row is locked first, so parallel
    // completions of one flow create one account (F3); a retry with the new cookie gets the same answer (F4).
    api.post(ENDPOINTS.signupAccount.path, async (c) => {
      const body = await readBody(c, 'signupAccount');
      const now = ctx.clock();
      const state = ctx.sessions.state(c);
      if (!state.current) throw problem(state.expired ? 'session_expired' : 'step_out_of_order', { step: null });
      const flow = await sessionFlow(ctx.db, state.current);
      if (flow?.kind === 'signup' && flow.consumedAt && flow.accountId && flow.accountId === state.current.accountId) {
        return c.json(await sessionView(ctx.db, state.current, now), ENDPOINTS.signupAccount.status);
      }
      if (flow?.kind !== 'signup' || !flow.verifiedAt || flow.consumedAt || now > flow.expiresAt) {
        const view = await sessionView(ctx.db, state.current, now);
        throw problem('step_out_of_order', { step: view.step });
      }
      assertPasswordAcceptable(body.password, ctx.passwordPolicy, [flow.email, body.firstName, body.lastName]);
      const passwordHash = await ctx.passwords.hash(body.password);
      const account = await ctx.db.transaction(async (tx) => {
        const locked = await ctx.sessions.lock(c, tx);
        if (!locked || locked.flowId !== flow.id) throw problem('step_out_of_order', { step: null });
        const consumed = await tx.query(
          `UPDATE flows SET consumed_at = $2 WHERE id = $1 AND kind = 'signup' AND verified_at IS NOT NULL
             AND consumed_at IS NULL RETURNING id`,
          [flow.id, now],
        );
        if (consumed.rowCount === 0) throw problem('step_out_of_order', { step: null });
        const created = await createAccount(tx, {
          email: flow.email,
          firstName: body.firstName,
          lastName: body.lastName,
          passwordHash,
          now,
        });
        // The address got an account in another flow meanwhile: this one cannot finish; sign in instead.
        if (!created) {
          throw problem('step_out_of_order', {
            step: 'email',
            detail: 'This address already has an account. Sign in instead.',
          });
        }
        await tx.query('UPDATE flows SET account_id = $2 WHERE id = $1', [flow.id, created.id]);
        await ctx.sessions.rotate(c, tx, { accountId: created.id });
        return created;
      });
      ctx.logger.info('account_created', { account: account.id, flow: flow.id, email: ctx.pseudonym(account.email) });
      const view = await sessionView(ctx.db, ctx.sessions.current(c), now);
      return c.json(view, ENDPOINTS.signupAccount.status);
    });
  },
};
