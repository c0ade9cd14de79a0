import { z } from 'zod/mini';

/** The languages the onboarding speaks; Dutch is the default. */
export const LANGUAGES = ['nl', 'en'] as const;

/** One of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** Schema of a language tag. */
export const LanguageSchema = z.enum(LANGUAGES);

/** RFC 5321 caps a path at 256 octets, so an address is at most 254 characters. */
export const MAX_EMAIL_LENGTH = 254;

/**
 * The form in which addresses are stored and compared: NFC, trimmed, lower case. Two spellings that differ only
 * in case are one account.
 */
export function normaliseEmail(input: string): string {
  return input.normalize('NFC').trim().toLowerCase();
}

/** Schema of an e-mail address: normalised, then checked for shape and length. */
export const EmailSchema = z.pipe(
  z.pipe(z.string().check(z.maxLength(1024)), z.transform(normaliseEmail)),
  z.email({ message: 'Enter an e-mail address such as naam@bedrijf.nl.' }).check(z.maxLength(MAX_EMAIL_LENGTH)),
);

/** Longest first or last name accepted, in characters. */
export const MAX_NAME_LENGTH = 100;

// Control characters in a name are never typed by a person and break mail headers and logs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** Schema of a first or last name: trimmed, 1–100 characters, no control characters. */
export const PersonNameSchema = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(1024)),
    z.transform((value: string) => value.normalize('NFC').trim()),
  ),
  z.string().check(
    z.minLength(1, 'A name cannot be empty.'),
    z.maxLength(MAX_NAME_LENGTH, `A name has at most ${MAX_NAME_LENGTH} characters.`),
    z.refine((value) => !CONTROL.test(value), 'A name cannot contain control characters.'),
  ),
);

/**
 * Schema of a password as it travels: a string of at most 4096 UTF-16 units. The policy decides the rest; the
 * cap keeps a huge body from reaching the password hash (SECURITY.md P6).
 */
export const PasswordSchema = z.string().check(z.minLength(1, 'Enter a password.'), z.maxLength(4096));

/** Schema of an identifier the server hands out (a UUID). */
export const IdSchema = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));

/** Schema of a timestamp: an ISO 8601 date-time in UTC. */
export const TimestampSchema = z.iso.datetime();
