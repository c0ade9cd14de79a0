import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, it } from 'node:test';
import { hashSessionId } from '../../src/sessions/session-id.ts';
import type { Client } from '../helpers/client.ts';
import { eachBackend, type TestStack } from '../helpers/harness.ts';
import { BadOp } from '../eherkenning/bad-op.ts';
import {
  accountOnSupplierStep,
  deliver,
  opClient,
  outcomeOf,
  RETURN_TO,
  stackFor,
  SUPPLIER,
} from './eherkenning-helpers.ts';

// SECURITY.md O1, last point: "the verifier, state and nonce are stored server-side and keyed to the user-agent
// session, never in a JS-readable place". The URL tests (code flow, S256, 43+ characters, unique over 10^4, no
// `plain`) are in test/eherkenning/relying-party.test.ts; this file follows one start through the HTTP adapter.
// The state and nonce travel in the broker URL by design (that is the protocol); the PKCE verifier never
// leaves the server, and none of the three is put in a cookie or a body field the page could keep.

interface TransactionRow {
  session_id: string;
  state_hash: string;
  nonce: string | null;
  code_verifier: string | null;
  consumed_at: Date | null;
}

const sha256hex = (value: string) => createHash('sha256').update(value).digest('hex');
const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

eachBackend('O1: the transaction is kept on the server, bound to the session', (backend) => {
  const registration = opClient('o1');
  let op: BadOp;
  let stack: TestStack;

  before(async () => {
    op = await new BadOp(registration).start();
    stack = await stackFor(backend, op, registration);
  });
  after(async () => {
    await stack?.close();
    await op?.close();
  });

  /** The sessions row id of `client`'s cookie. */
  async function sessionRowOf(client: Client): Promise<string> {
    const cookie = client.cookie!;
    const { rows } = await stack.server.context.db.query<{ id: string }>('SELECT id FROM sessions WHERE id_hash = $1', [
      hashSessionId(cookie.slice(cookie.indexOf('=') + 1)),
    ]);
    return rows[0]!.id;
  }

  async function transactionsOf(sessionId: string): Promise<TransactionRow[]> {
    const { rows } = await stack.server.context.db.query<TransactionRow>(
      `SELECT session_id, state_hash, nonce, code_verifier, consumed_at FROM eherkenning_transactions
       WHERE session_id = $1 ORDER BY created_at, id`,
      [sessionId],
    );
    return rows;
  }

  it('O1: start answers only the broker URL and sets no cookie; verifier, nonce and state hash are stored for this session', async () => {
    const client = await accountOnSupplierStep(stack, 'o1');
    const sessionId = await sessionRowOf(client);
    const started = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO });
    assert.equal(started.status, 200, started.text);
    assert.deepEqual(Object.keys(started.body), ['redirectUrl'], 'nothing but the broker URL for the page');
    assert.deepEqual(started.headers.getSetCookie(), [], 'no cookie carries state, nonce or verifier');

    const url = new URL(String(started.body.redirectUrl));
    const state = url.searchParams.get('state')!;
    const nonce = url.searchParams.get('nonce')!;
    const challenge = url.searchParams.get('code_challenge')!;
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');

    const [row, ...more] = await transactionsOf(sessionId);
    assert.ok(row, 'the transaction is stored under the session that started it');
    assert.equal(more.length, 0);
    assert.equal(row.state_hash, sha256hex(state), 'the state is kept as its SHA-256 only');
    assert.equal(row.nonce, nonce);
    assert.ok(row.code_verifier && row.code_verifier.length >= 43);
    assert.equal(s256(row.code_verifier), challenge, 'the verifier behind the URL’s challenge is on the server');

    // The verifier never reaches the browser: not in the answer, its headers, or the URL.
    const everything = `${started.text}\n${[...started.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
    assert.equal(everything.includes(row.code_verifier), false, 'the verifier is not in the answer');
    const stored = JSON.stringify(
      (await stack.server.context.db.query('SELECT * FROM eherkenning_transactions WHERE session_id = $1', [sessionId]))
        .rows,
    );
    assert.equal(stored.includes(state), false, 'the state is not stored in clear');
  });

  it('O1: the callback finds the transaction only in its own session, and erases nonce and verifier once used', async () => {
    const client = await accountOnSupplierStep(stack, 'o1-use');
    const sessionId = await sessionRowOf(client);
    const started = await client.post('/eherkenning/start', { supplierId: SUPPLIER, returnTo: RETURN_TO });
    const authorization = await fetch(String(started.body.redirectUrl), { redirect: 'manual' });
    const callback = new URL(authorization.headers.get('location')!);

    // Another session (another browser) holding the same callback finds nothing and uses nothing up.
    const other = await accountOnSupplierStep(stack, 'o1-other');
    assert.equal(outcomeOf(await deliver(stack, other, callback)), 'failed');
    const [pending] = await transactionsOf(sessionId);
    assert.equal(pending!.consumed_at, null, 'still pending for the browser that started it');

    assert.equal(outcomeOf(await deliver(stack, client, callback)), 'verified');
    const [used] = await transactionsOf(sessionId);
    assert.ok(used!.consumed_at, 'used once');
    assert.equal(used!.nonce, null);
    assert.equal(used!.code_verifier, null);
  });
});
