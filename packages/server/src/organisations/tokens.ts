import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in an invitation token: 256 bits, far above the 128 bits an unguessable link needs. */
export const INVITATION_TOKEN_BYTES = 32;

/** A new invitation token for the mailed link (base64url, 43 characters). Only its hash is stored. */
export function newInvitationToken(): string {
  return randomBytes(INVITATION_TOKEN_BYTES).toString('base64url');
}

/**
 * The stored form of a token: its SHA-256 (hex). A token carries 256 random bits, so a plain hash is enough to
 * keep a database leak from yielding working links; no salt or slow hash is needed (unlike a password).
 */
export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
