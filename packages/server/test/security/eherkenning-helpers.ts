// Shared by the O-item tests in this folder: a server instance that talks to a bad OP, an account on the
// supplier step, the broker's callback URL for it, and every row of the schema as text. What a refused callback
// must leave as it was is ../helpers/eherkenning-state.ts.
import assert from 'node:assert/strict';
import type { Client } from '../helpers/client.ts';
import {
  signUp,
  startStack,
  uniqueEmail,
  type Backend,
  type StackOptions,
  type TestStack,
} from '../helpers/harness.ts';
import type { BadOp } from '../eherkenning/bad-op.ts';

/** The redirect URI every test stack has (PUBLIC_URL http://localhost:8787). */
export const CALLBACK = 'http://localhost:8787/api/v1/eherkenning/callback';

/** The supplier the bad OP lists first. */
export const SUPPLIER = 'urn:etoegang:AD:1:entities:9001';

/** Where the tests send the browser back to (on the allow-list). */
export const RETURN_TO = 'http://localhost:5173/aanmelden';

/** A bad OP's registration, as its constructor takes it. */
export function opClient(name: string): { clientId: string; clientSecret: string; redirectUri: string } {
  return { clientId: `wt-${name}`, clientSecret: `${name}-secret-0123456789`, redirectUri: CALLBACK };
}

/** A server on `backend` whose broker is `op`, registered as `client`; other options as {@link startStack}. */
export function stackFor(
  backend: Backend,
  op: BadOp,
  client: { clientId: string; clientSecret: string },
  options: StackOptions = {},
): Promise<TestStack> {
  return startStack(backend, {
    ...options,
    env: {
      EHERKENNING_ISSUER: op.issuer,
      EHERKENNING_CLIENT_ID: client.clientId,
      EHERKENNING_CLIENT_SECRET: client.clientSecret,
      ...options.env,
    },
  });
}

/** A new account, signed in on `stack`, on the supplier step. */
export async function accountOnSupplierStep(stack: TestStack, prefix = 'eh'): Promise<Client> {
  const client = stack.client();
  await signUp(stack, client, { email: uniqueEmail(prefix) });
  return client;
}

/**
 * POST /eherkenning/start on `client` (extra body fields merged in), then the bad OP's answer: the callback URL
 * the browser would bring back, not yet delivered.
 */
export async function callbackFor(client: Client, body: Record<string, unknown> = {}): Promise<URL> {
  const started = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO, ...body });
  assert.equal(started.status, 200, started.text);
  const authorization = await fetch(String(started.body.redirectUrl), { redirect: 'manual' });
  assert.equal(authorization.status, 302, await authorization.text());
  return new URL(authorization.headers.get('location')!);
}

/** Delivers `callback` to `stack` on `client`'s session; returns the answer. */
export function deliver(stack: TestStack, client: Client, callback: URL) {
  return client.get(`${stack.url}${callback.pathname}${callback.search}`);
}

/** The `wt-eherkenning` outcome of a callback answer, after checking it is the 303 DESIGN.md asks for. */
export function outcomeOf(answer: { status: number; headers: Headers }): string | null {
  assert.equal(answer.status, 303);
  return new URL(answer.headers.get('location')!).searchParams.get('wt-eherkenning');
}

/** Every row of every table of the stack's schema, as one text: for "nothing changed" and "nowhere stored". */
export async function databaseText(stack: TestStack): Promise<string> {
  const db = stack.server.context.db;
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  assert.ok(tables.length > 5, 'the schema has its tables');
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await db.query(`SELECT * FROM "${name}"`);
    parts.push(
      `${name}:${rows
        .map((row) => JSON.stringify(row))
        .sort()
        .join('\n')}`,
    );
  }
  return parts.join('\n\n');
}
