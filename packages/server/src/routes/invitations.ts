import { ENDPOINTS } from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import { createAccount, findAccountByEmail, findAccountById } from '../accounts/accounts.js';
import { assertPasswordAcceptable } from '../accounts/password-check.js';
import type { AppContext } from '../context.js';
import { readBody } from '../http/body.js';
import { recordAudit } from '../organisations/audit.js';
import { invitationPreview, markAccepted, usableInvitation } from '../organisations/invitations.js';
import { routePath } from '../organisations/paths.js';
import { problem } from '../problems.js';
import { sessionView } from '../sessions/view.js';
import type { Queryable } from '../store/database.js';
import type { RouteModule } from './route-module.js';

/**
 * Invitation links: `POST /invitations/lookup` shows what a link offers; `POST /invitations/accept` makes the
 * person a member with the invited rights — no eHerkenning. Someone without an account sets a password (the
 * policy with the blocklist) and their name and is signed in; someone with an account signs in with the invited
 * address first. The link works once, for seven days, until withdrawn; the session is rotated on accepting.
 */
export const invitationRoutes: RouteModule = {
  name: 'invitations',
  register(api, ctx) {
    api.post(routePath('lookupInvitation'), async (c) => {
      await limitAttempts(ctx, c);
      const body = await readBody(c, 'lookupInvitation');
      const invitation = await usableInvitation(ctx.db, body.token, ctx.clock());
      const account = await findAccountByEmail(ctx.db, invitation.email);
      return c.json(invitationPreview(invitation, account !== undefined), ENDPOINTS.lookupInvitation.status);
    });

    api.post(routePath('acceptInvitation'), async (c) => {
      await limitAttempts(ctx, c);
      const body = await readBody(c, 'acceptInvitation');
      const now = ctx.clock();
      const invitation = await usableInvitation(ctx.db, body.token, now);
      const state = ctx.sessions.state(c);
      const signedIn = state.current?.accountId ?? null;

      let accountId: string;
      let created = false;
      if (signedIn) {
        const account = await findAccountById(ctx.db, signedIn);
        if (!account) throw problem('not_signed_in');
        if (account.email !== invitation.email) throw problem('invitation_email_mismatch');
        accountId = account.id;
        await ctx.db.transaction(async (tx) => {
          await accept(ctx, c, tx, body.token, accountId, now);
        });
      } else {
        if (state.expired) throw problem('session_expired');
        if (await findAccountByEmail(ctx.db, invitation.email)) {
          throw problem('not_signed_in', {
            detail: 'This address already has an account. Sign in with it, then accept the invitation.',
          });
        }
        const { password, firstName, lastName } = body;
        if (password === undefined || firstName === undefined || lastName === undefined) {
          const missing = { password, firstName, lastName };
          const fields = Object.fromEntries(
            Object.entries(missing)
              .filter(([, value]) => value === undefined)
              .map(([name]) => [name, ['This field is required to create your account.']]),
          );
          throw problem('invalid_request', { fields });
        }
        assertPasswordAcceptable(password, ctx.passwordPolicy, [invitation.email, firstName, lastName]);
        const passwordHash = await ctx.passwords.hash(password);
        accountId = await ctx.db.transaction(async (tx) => {
          const account = await createAccount(tx, { email: invitation.email, firstName, lastName, passwordHash, now });
          // The address got an account meanwhile (another tab, a sign-up): that person signs in instead.
          if (!account) {
            throw problem('not_signed_in', {
              detail: 'This address already has an account. Sign in with it, then accept the invitation.',
            });
          }
          await accept(ctx, c, tx, body.token, account.id, now);
          return account.id;
        });
        created = true;
        ctx.logger.info('account_created', {
          account: accountId,
          via: 'invitation',
          email: ctx.pseudonym(invitation.email),
        });
      }
      ctx.logger.info('invitation_accepted', {
        organisation: invitation.organisationId,
        invitation: invitation.id,
        account: accountId,
        created,
        rights: invitation.rights.join(','),
      });
      if (invitation.rights.includes('administer')) {
        ctx.logger.info('administrator_granted', { organisation: invitation.organisationId, subject: accountId });
      }
      return c.json(await sessionView(ctx.db, ctx.sessions.current(c), now), ENDPOINTS.acceptInvitation.status);
    });
  },
};

/**
 * Inside `tx`: takes the invitation (locked, so a second accept of the same link waits and then finds it used),
 * makes `accountId` a member with its rights, records the acceptance and signs the session in under a new id.
 */
async function accept(
  ctx: AppContext,
  c: Context,
  tx: Queryable,
  token: string,
  accountId: string,
  now: Date,
): Promise<void> {
  const invitation = await usableInvitation(tx, token, now, { lock: true });
  const membership = await tx.query<{ id: string }>(
    `INSERT INTO memberships (account_id, organisation_id, rights, created_at, updated_at)
     VALUES ($1, $2, $3::text[], $4, $4)
     ON CONFLICT (account_id, organisation_id) DO NOTHING
     RETURNING id`,
    [accountId, invitation.organisationId, [...invitation.rights], now],
  );
  if (membership.rows.length === 0) throw problem('already_member');
  await markAccepted(tx, invitation.id, accountId, now);
  await recordAudit(tx, {
    organisationId: invitation.organisationId,
    at: now,
    action: 'invitation_accepted',
    actorAccountId: accountId,
    subjectAccountId: accountId,
    subjectEmail: invitation.email,
    rightsAfter: invitation.rights,
  });
  await ctx.sessions.rotate(c, tx, { accountId, flowId: null });
}

/** Invitation links are tried per client within a limit, so tokens cannot be guessed at speed (R2). */
async function limitAttempts(ctx: AppContext, c: Context): Promise<void> {
  const client = ctx.clientIp(c);
  const verdict = await ctx.rateLimiter.hit(
    ctx.db,
    'invitation-client',
    client,
    ctx.limits.invitationAttemptsPerClient,
  );
  if (!verdict.allowed) {
    ctx.logger.warn('rate_limited', {
      limit: 'invitation-client',
      subject: ctx.pseudonym(client),
      blocks: verdict.blocks,
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
    throw problem('rate_limited', { retryAfterSeconds: verdict.retryAfterSeconds });
  }
}
