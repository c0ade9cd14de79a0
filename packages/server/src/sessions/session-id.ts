import { createHash, randomBytes } from 'node:crypto';

/** A new session id: 256 bits from the CSPRNG as base64url (43 characters), no personal data (S1). */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a session id: SHA-256, base64url. The id itself is never stored or logged. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
