import type { Limit } from '../security/rate-limit.js';

/**
 * Limits of the organisation work, on top of the server's `Limits`: how many invitations one administrator
 * sends (each is a mail to an address they choose, so it is a spam lever), and how many invitation links one
 * client tries (lookups and accepts).
 */
export interface OrganisationLimits {
  readonly invitationsPerAdministrator: Limit;
  readonly invitationAttemptsPerClient: Limit;
}

/** The documented defaults. */
export const DEFAULT_ORGANISATION_LIMITS: OrganisationLimits = {
  invitationsPerAdministrator: { max: 50, windowSeconds: 60 * 60 },
  invitationAttemptsPerClient: { max: 60, windowSeconds: 15 * 60 },
};

/** How long an invitation link works. */
export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
