import { DEFAULT_LIMITS, type Limits } from '../security/limits.js';

/**
 * Limits of the organisation work, part of the server's `Limits` (configured like the others, `RATE_LIMIT_*`):
 * how many invitations one administrator sends (each is a mail to an address they choose, so it is a spam lever),
 * and how many invitation links one client tries (lookups and accepts).
 */
export type OrganisationLimits = Pick<Limits, 'invitationsPerAdministrator' | 'invitationAttemptsPerClient'>;

/** The documented defaults (the same objects as in `DEFAULT_LIMITS`). */
export const DEFAULT_ORGANISATION_LIMITS: OrganisationLimits = {
  invitationsPerAdministrator: DEFAULT_LIMITS.invitationsPerAdministrator,
  invitationAttemptsPerClient: DEFAULT_LIMITS.invitationAttemptsPerClient,
};

/** How long an invitation link works. */
export const INVITATION_LIFETIME_SECONDS = 7 * 24 * 60 * 60;
