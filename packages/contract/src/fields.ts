import { z } from 'zod/mini';
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, LANGUAGES, normaliseEmail } from './core/fields.js';
import { CONTROL_CHARACTER, ID_PATTERN, normaliseName } from './core/internal.js';

export * from './core/fields.js';

/** Schema of a language tag. */
export const LanguageSchema = z.enum(LANGUAGES);

/** Schema of an e-mail address: normalised, then checked for shape and length. */
export const EmailSchema = z.pipe(
  z.pipe(z.string().check(z.maxLength(1024)), z.transform(normaliseEmail)),
  z.email({ message: 'Enter an e-mail address such as naam@bedrijf.nl.' }).check(z.maxLength(MAX_EMAIL_LENGTH)),
);

/** Schema of a first or last name: trimmed, 1–100 characters, no control characters. */
export const PersonNameSchema = z.pipe(
  z.pipe(z.string().check(z.maxLength(1024)), z.transform(normaliseName)),
  z.string().check(
    z.minLength(1, 'A name cannot be empty.'),
    z.maxLength(MAX_NAME_LENGTH, `A name has at most ${MAX_NAME_LENGTH} characters.`),
    z.refine((value) => !CONTROL_CHARACTER.test(value), 'A name cannot contain control characters.'),
  ),
);

/**
 * Schema of a password as it travels: a string of at most 4096 code points (zod counts a surrogate pair once).
 * The policy decides the rest; the cap keeps a huge body from reaching the password hash (SECURITY.md P6).
 */
export const PasswordSchema = z.string().check(z.minLength(1, 'Enter a password.'), z.maxLength(4096));

/** Schema of an identifier the server hands out (a UUID). */
export const IdSchema = z.string().check(z.regex(ID_PATTERN));

/** Schema of a timestamp: an ISO 8601 date-time in UTC. */
export const TimestampSchema = z.iso.datetime();
