// Organisations and memberships for the organisation tests, written straight through the server's database API.
//
// `createOrganisationWithAdministrator` stands in for the eHerkenning callback: that callback creates the
// organisation, gives the verified account a membership with every right and writes an `administrator_verified`
// audit entry. It has its own tests (test/eherkenning/); here we only need its outcome, without a broker round trip.
import { randomInt } from 'node:crypto';
import { RIGHTS, type Right } from '@wij-techniek/onboarding-contract';
import type { Client } from '../helpers/client.ts';
import { signUp, uniqueEmail, type TestStack } from '../helpers/harness.ts';

/** A signed-in person and their account. */
export interface Person {
  readonly client: Client;
  readonly accountId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
}

/** Signs up a new person through the real API (address, code, password, name) and returns them signed in. */
export async function newPerson(stack: TestStack, firstName = 'Anna', lastName = 'Jansen'): Promise<Person> {
  const client = stack.client();
  const email = await signUp(stack, client, { email: uniqueEmail(firstName.toLowerCase()), firstName, lastName });
  const session = await client.get('/session');
  return { client, accountId: session.body.account!.id, email, firstName, lastName };
}

/** A fresh eight-digit KvK number. */
function kvkNumber(): string {
  return String(randomInt(10_000_000, 99_999_999));
}

/** Inserts an organisation as the eHerkenning callback would; returns its id. */
export async function insertOrganisation(stack: TestStack, name = 'Installatiebedrijf De Vries B.V.'): Promise<string> {
  const now = stack.clock.now();
  const { rows } = await stack.server.context.db.query<{ id: string }>(
    `INSERT INTO organisations (kvk_number, name, created_at, updated_at) VALUES ($1, $2, $3, $3) RETURNING id`,
    [kvkNumber(), name, now],
  );
  return rows[0]!.id;
}

/** Gives `person` a membership of `organisationId` with `rights`; returns the membership id. */
export async function insertMembership(
  stack: TestStack,
  organisationId: string,
  person: Person,
  rights: readonly Right[],
): Promise<string> {
  const now = stack.clock.now();
  const { rows } = await stack.server.context.db.query<{ id: string }>(
    `INSERT INTO memberships (account_id, organisation_id, rights, created_at, updated_at)
     VALUES ($1, $2, $3::text[], $4, $4) RETURNING id`,
    [person.accountId, organisationId, [...rights], now],
  );
  return rows[0]!.id;
}

/** An organisation and its eHerkenning-verified administrator (every right), as the callback leaves them. */
export async function createOrganisationWithAdministrator(
  stack: TestStack,
  name?: string,
): Promise<{ organisationId: string; administrator: Person; membershipId: string }> {
  const administrator = await newPerson(stack, 'Jan', 'de Vries');
  const organisationId = await insertOrganisation(stack, name);
  const membershipId = await insertMembership(stack, organisationId, administrator, RIGHTS);
  const now = stack.clock.now();
  await stack.server.context.db.query(
    `INSERT INTO audit_log (organisation_id, at, action, actor_account_id, subject_account_id, subject_email, rights_after)
     VALUES ($1, $2, 'administrator_verified', $3, $3, $4, $5::text[])`,
    [organisationId, now, administrator.accountId, administrator.email, [...RIGHTS]],
  );
  await stack.server.context.db.query('UPDATE accounts SET verified_at = $2 WHERE id = $1', [
    administrator.accountId,
    now,
  ]);
  return { organisationId, administrator, membershipId };
}

/** The token of the newest invitation link mailed to `email` (drains the outbox first). */
export async function invitationLink(stack: TestStack, email: string): Promise<{ url: URL; token: string }> {
  await stack.drain();
  const mail = stack.smtp.to(email).at(-1);
  if (!mail) throw new Error(`no mail to ${email}`);
  const match = /(https?:\/\/[^\s"<>]*wt-invitation=[A-Za-z0-9_-]+)/u.exec(mail.text);
  if (!match) throw new Error(`no invitation link in the mail to ${email}:\n${mail.text}`);
  const url = new URL(match[1]!);
  return { url, token: url.searchParams.get('wt-invitation')! };
}

/** Rights without `administer`. */
export const ALL_BUT_ADMINISTER: Right[] = RIGHTS.filter((right) => right !== 'administer');
