import { ENDPOINTS, IdSchema, type Right } from '@wij-techniek/onboarding-contract';
import type { Context } from 'hono';
import type { AppContext } from '../context.js';
import { readBody } from '../http/body.js';
import { lockOrganisation, requireMembership } from '../organisations/access.js';
import { auditLog, recordAudit } from '../organisations/audit.js';
import {
  createInvitation,
  invitationView,
  pendingInvitations,
  withdrawInvitation,
} from '../organisations/invitations.js';
import {
  assertAdministratorRemains,
  deleteMembership,
  findMember,
  listMembers,
  setRights,
} from '../organisations/members.js';
import { routePath } from '../organisations/paths.js';
import { hashInvitationToken, newInvitationToken } from '../organisations/tokens.js';
import { problem } from '../problems.js';
import type { RouteModule } from './route-module.js';

/**
 * The administrator's view of an organisation and its people: `GET /organisations/{id}` (any member: the
 * organisation and their own rights), and for members holding `administer` the member list, invitations by
 * e-mail, changing and removing members, withdrawing invitations and the audit log. Every handler starts with
 * `requireMembership`; every write re-checks it inside its transaction after locking the organisation, and writes
 * its audit record in that same transaction.
 */
export const organisationRoutes: RouteModule = {
  name: 'organisations',
  register(api, ctx) {
    const { limits } = ctx;
    const organisationId = (c: Context) => c.req.param('organisationId') ?? '';

    api.get(routePath('organisation'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'member');
      return c.json({ organisation: caller.organisation, rights: caller.rights }, ENDPOINTS.organisation.status);
    });

    api.get(routePath('members'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      return c.json({ members: await listMembers(ctx.db, caller.organisation.id) }, ENDPOINTS.members.status);
    });

    api.post(routePath('inviteMember'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      const body = await readBody(c, 'inviteMember');
      const verdict = await ctx.rateLimiter.hit(
        ctx.db,
        'invitations-administrator',
        caller.accountId,
        limits.invitationsPerAdministrator,
      );
      if (!verdict.allowed) {
        ctx.logger.warn('rate_limited', {
          limit: 'invitations-administrator',
          account: caller.accountId,
          blocks: verdict.blocks,
          retryAfterSeconds: verdict.retryAfterSeconds,
        });
        throw problem('rate_limited', { retryAfterSeconds: verdict.retryAfterSeconds });
      }
      const now = ctx.clock();
      const token = newInvitationToken();
      const invitation = await ctx.db.transaction(async (tx) => {
        const admin = await requireMembership(ctx, c, caller.organisation.id, 'administer', { db: tx, lock: true });
        const member = await tx.query(
          `SELECT 1 FROM memberships m JOIN accounts a ON a.id = m.account_id
           WHERE m.organisation_id = $1 AND a.email = $2`,
          [admin.organisation.id, body.email],
        );
        if (member.rows.length > 0) throw problem('already_member');
        const created = await createInvitation(tx, {
          organisationId: admin.organisation.id,
          organisationName: admin.organisation.name,
          email: body.email,
          rights: body.rights,
          tokenHash: hashInvitationToken(token),
          invitedBy: admin.accountId,
          now,
        });
        for (const _replaced of created.replaced) {
          await recordAudit(tx, {
            organisationId: admin.organisation.id,
            at: now,
            action: 'invitation_withdrawn',
            actorAccountId: admin.accountId,
            subjectEmail: body.email,
          });
        }
        await recordAudit(tx, {
          organisationId: admin.organisation.id,
          at: now,
          action: 'member_invited',
          actorAccountId: admin.accountId,
          subjectEmail: body.email,
          rightsAfter: created.invitation.rights,
        });
        const inviter = await tx.query<{ first_name: string; last_name: string }>(
          'SELECT first_name, last_name FROM accounts WHERE id = $1',
          [admin.accountId],
        );
        const acceptUrl = new URL(ctx.config.appUrl);
        acceptUrl.searchParams.set('wt-invitation', token);
        await ctx.enqueueMail(tx, {
          to: body.email,
          template: 'invitation',
          lang: body.lang ?? 'nl',
          data: {
            organisationName: admin.organisation.name,
            inviterName: `${inviter.rows[0]?.first_name ?? ''} ${inviter.rows[0]?.last_name ?? ''}`.trim(),
            acceptUrl: acceptUrl.href,
            expiresAt: created.invitation.expiresAt.toISOString(),
            rights: created.invitation.rights,
          },
        });
        return created.invitation;
      });
      ctx.logger.info('member_invited', {
        organisation: invitation.organisationId,
        invitation: invitation.id,
        actor: caller.accountId,
        email: ctx.pseudonym(invitation.email),
        rights: invitation.rights.join(','),
      });
      return c.json({ invitation: invitationView(invitation) }, ENDPOINTS.inviteMember.status);
    });

    api.patch(routePath('updateMember'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      const memberId = idParam(c, 'memberId');
      const body = await readBody(c, 'updateMember');
      const now = ctx.clock();
      const { member, before } = await ctx.db.transaction(async (tx) => {
        await lockOrganisation(tx, caller.organisation.id);
        const admin = await requireMembership(ctx, c, caller.organisation.id, 'administer', { db: tx, lock: true });
        const target = await findMember(tx, admin.organisation.id, memberId);
        if (sameRights(target.rights, body.rights)) return { member: target, before: target.rights };
        await assertAdministratorRemains(tx, admin.organisation.id, target, body.rights);
        const saved = await setRights(tx, target, body.rights, now);
        await recordAudit(tx, {
          organisationId: admin.organisation.id,
          at: now,
          action: 'rights_changed',
          actorAccountId: admin.accountId,
          subjectAccountId: target.accountId,
          subjectEmail: target.email,
          rightsBefore: target.rights,
          rightsAfter: saved.rights,
        });
        return { member: saved, before: target.rights };
      });
      logRightsChange(ctx, caller.organisation.id, caller.accountId, member.accountId, before, member.rights);
      return c.json({ member }, ENDPOINTS.updateMember.status);
    });

    api.delete(routePath('removeMember'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      const memberId = idParam(c, 'memberId');
      const now = ctx.clock();
      const removed = await ctx.db.transaction(async (tx) => {
        await lockOrganisation(tx, caller.organisation.id);
        const admin = await requireMembership(ctx, c, caller.organisation.id, 'administer', { db: tx, lock: true });
        const target = await findMember(tx, admin.organisation.id, memberId);
        await assertAdministratorRemains(tx, admin.organisation.id, target, null);
        await deleteMembership(tx, target.id);
        await recordAudit(tx, {
          organisationId: admin.organisation.id,
          at: now,
          action: 'member_removed',
          actorAccountId: admin.accountId,
          subjectAccountId: target.accountId,
          subjectEmail: target.email,
          rightsBefore: target.rights,
        });
        return target;
      });
      ctx.logger.info('member_removed', {
        organisation: caller.organisation.id,
        actor: caller.accountId,
        subject: removed.accountId,
      });
      return c.body(null, ENDPOINTS.removeMember.status);
    });

    api.get(routePath('invitations'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      const invitations = await pendingInvitations(ctx.db, caller.organisation.id);
      return c.json({ invitations: invitations.map(invitationView) }, ENDPOINTS.invitations.status);
    });

    api.delete(routePath('withdrawInvitation'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      const invitationId = idParam(c, 'invitationId');
      const now = ctx.clock();
      const withdrawn = await ctx.db.transaction(async (tx) => {
        const admin = await requireMembership(ctx, c, caller.organisation.id, 'administer', { db: tx, lock: true });
        const invitation = await withdrawInvitation(tx, admin.organisation.id, invitationId, now);
        await recordAudit(tx, {
          organisationId: admin.organisation.id,
          at: now,
          action: 'invitation_withdrawn',
          actorAccountId: admin.accountId,
          subjectEmail: invitation.email,
          rightsBefore: invitation.rights,
        });
        return invitation;
      });
      ctx.logger.info('invitation_withdrawn', {
        organisation: caller.organisation.id,
        invitation: withdrawn.id,
        actor: caller.accountId,
      });
      return c.body(null, ENDPOINTS.withdrawInvitation.status);
    });

    api.get(routePath('audit'), async (c) => {
      const caller = await requireMembership(ctx, c, organisationId(c), 'administer');
      return c.json({ entries: await auditLog(ctx.db, caller.organisation.id) }, ENDPOINTS.audit.status);
    });
  },
};

/** A member or invitation id from the path; a malformed one names nothing (`not_found`), never a SQL error. */
function idParam(c: Context, name: string): string {
  const value = c.req.param(name) ?? '';
  if (!IdSchema.safeParse(value).success) throw problem('not_found');
  return value;
}

function sameRights(a: readonly Right[], b: readonly Right[]): boolean {
  return a.length === b.length && a.every((right) => b.includes(right));
}

function logRightsChange(
  ctx: AppContext,
  organisation: string,
  actor: string,
  subject: string,
  before: readonly Right[],
  after: readonly Right[],
): void {
  if (sameRights(before, after)) return;
  ctx.logger.info('rights_changed', { organisation, actor, subject, before: before.join(','), after: after.join(',') });
  if (!before.includes('administer') && after.includes('administer')) {
    ctx.logger.info('administrator_granted', { organisation, actor, subject });
  }
}
