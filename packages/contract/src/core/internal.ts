import { RIGHTS, type Right } from './organisation.js';

// What the zod schemas and the lite schemas (../lite/) both build from, kept in one place so the two cannot drift
// apart. Not part of the public contract: the entries export neither this module nor its names.

// Control characters in a name are never typed by a person and break mail headers and logs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** How a first or last name is stored: NFC, trimmed. */
export function normaliseName(value: string): string {
  return value.normalize('NFC').trim();
}

/** An identifier the server hands out: a UUID in lower case. */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A KvK number: eight digits (EHERKENNING.md §5; no checksum). */
export const KVK_NUMBER_PATTERN = /^[0-9]{8}$/;

/** A vestigingsnummer: twelve digits. */
export const BRANCH_NUMBER_PATTERN = /^[0-9]{12}$/;

/** A verification code after normalisation: exactly six ASCII digits. */
export const VERIFICATION_CODE_PATTERN = /^[0-9]{6}$/;

/** A set of rights without duplicates, in the order of {@link RIGHTS}. */
export function orderRights(rights: Right[]): Right[] {
  return RIGHTS.filter((right) => rights.includes(right));
}
