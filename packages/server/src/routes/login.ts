import { ENDPOINTS } from '@wij-techniek/onboarding-contract';
import { findAccountByEmail, setPasswordHash } from '../accounts/accounts.js';
import { CODE_FAILURES } from '../flows/code-flow.js';
import { readBody } from '../http/body.js';
import { problem } from '../problems.js';
import { sessionView } from '../sessions/view.js';
import type { RouteModule } from './route-module.js';

/**
 * Sign-in and sign-out. An unknown address and a wrong password get the same answer after the same work (a
 * dummy hash), and failures are counted per address whether or not it has an account (R2), so neither the
 * answer nor the lockout tells which addresses are registered. Every attempt is counted before its password is
 * compared, in one statement that also decides whether it may go on (C5), so parallel attempts cannot get more
 * than the limit compared; a success clears the count, and that of wrong codes for the address.
 */
export const loginRoutes: RouteModule = {
  name: 'login',
  register(api, ctx) {
    api.post(ENDPOINTS.login.path, async (c) => {
      const body = await readBody(c, 'login');
      const { db, limits, rateLimiter } = ctx;
      const client = ctx.clientIp(c);
      const perClient = await rateLimiter.hit(db, 'login-client', client, limits.loginsPerClient);
      if (!perClient.allowed) {
        ctx.logger.warn('rate_limited', {
          limit: 'login-client',
          subject: ctx.pseudonym(client),
          blocks: perClient.blocks,
          retryAfterSeconds: perClient.retryAfterSeconds,
        });
        throw problem('rate_limited', { retryAfterSeconds: perClient.retryAfterSeconds });
      }
      // Counted as its own committed statement before the comparison (SECURITY.md C5, as Kratos does): the row is
      // incremented only while under the limit, and the answer says whether this attempt may be evaluated. Checking
      // first and counting after a failed comparison would let parallel wrong passwords all pass the check before
      // any was counted (R2: at most 100 in a row). The 101st attempt is refused before any hashing, right or wrong.
      const failures = await rateLimiter.hit(db, 'login-failures', body.email, limits.loginFailuresPerAddress);
      if (!failures.allowed) {
        ctx.logger.warn('login_locked', { email: ctx.pseudonym(body.email), failures: failures.hits });
        throw problem('rate_limited', {
          retryAfterSeconds: failures.retryAfterSeconds,
          detail:
            'Too many wrong passwords for this address. Wait for the time in Retry-After, or choose "Wachtwoord vergeten?".',
        });
      }
      const account = await findAccountByEmail(db, body.email);
      let verdict = { ok: false, rehash: false };
      if (account?.passwordHash) verdict = await ctx.passwords.verify(body.password, account.passwordHash);
      else await ctx.passwords.verifyDummy(body.password);
      if (!account || !verdict.ok) {
        // Already counted above: a wrong password only has to be answered.
        ctx.logger.info('login_failed', { email: ctx.pseudonym(body.email) });
        throw problem('invalid_credentials');
      }
      const now = ctx.clock();
      if (verdict.rehash) {
        // Upgrade on login (P5): the stored hash gets the current parameters.
        await setPasswordHash(db, account.id, await ctx.passwords.hash(body.password), now);
        ctx.logger.info('password_rehashed', { account: account.id });
      }
      // The right password: this attempt, and the failures before it, no longer count (63B-4 SHOULD, R2). Nor do
      // the wrong codes others sent for this address (C5): whoever knows the password gains nothing by guessing its
      // codes, and the owner is not kept waiting for a reset code by someone else's guesses (R1).
      await rateLimiter.reset(db, 'login-failures', body.email);
      await rateLimiter.reset(db, CODE_FAILURES, body.email);
      const session = await db.transaction(async (tx) => {
        await ctx.sessions.lock(c, tx);
        return ctx.sessions.rotate(c, tx, { accountId: account.id, flowId: null });
      });
      ctx.logger.info('login_succeeded', { account: account.id });
      return c.json(await sessionView(db, session, now), ENDPOINTS.login.status);
    });

    api.post(ENDPOINTS.logout.path, async (c) => {
      await ctx.sessions.end(c);
      return c.body(null, ENDPOINTS.logout.status);
    });
  },
};
