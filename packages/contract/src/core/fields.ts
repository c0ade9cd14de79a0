// Zod-free, so the lite entry can use it; ../fields.ts adds the zod schemas.

/** The languages the onboarding speaks; Dutch is the default. */
export const LANGUAGES = ['nl', 'en'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** RFC 5321 caps a path at 256 octets, so an address is at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The form in which addresses are stored and compared: NFC, trimmed, lower case. Two spellings that differ only
 * in case are one account.
 */
export function normaliseEmail(input: string): string {
  return input.normalize('NFC').trim().toLowerCase();
}

/** Longest first or last name accepted, in characters. */
export const MAX_NAME_LENGTH = 100;
