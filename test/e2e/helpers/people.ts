import { randomBytes } from 'node:crypto';
import type { AccountDetails } from '../pages/details.ts';

/** A person who signs up in a journey: a fresh address for every test, so tests never share an account. */
export interface Person extends AccountDetails {
  readonly email: string;
}

/** Passwords that meet the business policy (14–22 characters, four classes) and are on no blocklist. */
export const PASSWORDS = {
  first: 'Zonnebloem#2024x',
  second: 'Kastanjeboom!77q',
} as const;

let counter = 0;

/** A new person with an address nobody used before. */
export function newPerson(firstName = 'Anna', lastName = 'Visser'): Person {
  counter++;
  const email = `${firstName.toLowerCase()}.${counter}.${randomBytes(4).toString('hex')}@example.test`;
  return { email, password: PASSWORDS.first, firstName, lastName };
}
