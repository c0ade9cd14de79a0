// SECURITY.md L3: property-based fuzzing of every endpoint of the contract's ENDPOINTS over real HTTP — wrong
// types, huge and odd strings, prototype-pollution keys, duplicate JSON keys, repeated query parameters and extra
// privilege fields. Asserted: 0 crashes (the process keeps answering /healthz), 0 5xx, 0 stack traces or paths in
// bodies, and no state change from an extra field. Bounded: a fixed, seeded number of runs per endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { RunningSimulator } from '@wij-techniek/eherkenning-sim';
import { ENDPOINTS, RIGHTS, type EndpointName } from '@wij-techniek/onboarding-contract';
import { Client, TEST_ORIGIN, randomIp } from '../helpers/client.ts';
import { assertContractAnswer } from '../helpers/contract-answers.ts';
import { GOOD_PASSWORD, signUp, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { startWithSimulator } from '../helpers/simulator.ts';
import {
  ODD_STRINGS,
  PRIVILEGE_FIELDS,
  PROTOTYPE_KEYS,
  encodeSegment,
  oddString,
  rawBodies,
  wrongValue,
} from './helpers/hostile-input.ts';
import { assertNoLeak } from './helpers/leaks.ts';

/** Runs per endpoint and the seed: the run is the same every time; raise FUZZ_RUNS locally for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20260302);

const PUBLIC_URL = 'http://localhost:8787';

/** A plausible valid body of each endpoint, the starting point of mutations. */
function validBody(name: EndpointName, ids: Ids): Record<string, unknown> {
  switch (name) {
    case 'signupEmail':
    case 'passwordForgot':
      return { email: uniqueEmail('fuzz'), lang: 'nl' };
    case 'signupCode':
    case 'passwordCode':
      return { code: '123456' };
    case 'signupAccount':
      return { password: GOOD_PASSWORD, firstName: 'Fuzz', lastName: 'Tester' };
    case 'login':
      return { email: ids.memberEmail, password: 'Wrong#Password123' };
    case 'passwordReset':
      return { password: GOOD_PASSWORD };
    case 'eherkenningStart':
      return { supplierId: ids.supplierId, returnTo: 'http://localhost:5173/aanmelden' };
    case 'inviteMember':
      return { email: uniqueEmail('invitee'), rights: ['register_for_meetings'] };
    case 'updateMember':
      return { rights: [...RIGHTS] };
    case 'lookupInvitation':
      return { token: 'x'.repeat(32) };
    case 'acceptInvitation':
      return { token: 'x'.repeat(32), password: GOOD_PASSWORD, firstName: 'A', lastName: 'B' };
    default:
      return {};
  }
}

interface Ids {
  organisationId: string;
  memberId: string;
  memberEmail: string;
  supplierId: string;
}

/** One generated request. */
interface FuzzRequest {
  as: 'anonymous' | 'member' | 'administrator';
  params: Record<string, string>;
  query: [string, string][];
  body: string | Uint8Array | undefined;
  contentType: string | undefined;
}

function requestArbitrary(name: EndpointName, ids: Ids): fc.Arbitrary<FuzzRequest> {
  const endpoint = ENDPOINTS[name];
  const valid = validBody(name, ids);
  const realIds = [ids.organisationId, ids.memberId, '00000000-0000-4000-8000-000000000000'];
  const param = fc.oneof(fc.constantFrom(...realIds), fc.uuid(), oddString);
  const paramNames = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const params = fc.record(Object.fromEntries(paramNames.map((key) => [key, param])));
  const queryKey = fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'returnTo', ...PROTOTYPE_KEYS);
  const query = fc.array(fc.tuple(queryKey, oddString), { maxLength: 6 });

  const mutated = fc
    .record(Object.fromEntries(Object.keys(valid).map((key) => [key, fc.option(wrongValue, { freq: 2 })])))
    .map((changes) => {
      const body: Record<string, unknown> = { ...valid };
      for (const [key, value] of Object.entries(changes)) if (value !== null) body[key] = value;
      return JSON.stringify(body);
    });
  const withPrivileges = fc
    .subarray(Object.keys(PRIVILEGE_FIELDS), { minLength: 1 })
    .map((keys) =>
      JSON.stringify({ ...valid, ...Object.fromEntries(keys.map((key) => [key, PRIVILEGE_FIELDS[key]])) }),
    );
  const body: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: withPrivileges },
    { weight: 2, arbitrary: fc.constantFrom(...rawBodies(valid)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=utf-16', 'multipart/form-data') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc.record({
    as: fc.constantFrom('anonymous', 'member', 'administrator'),
    params,
    query,
    body: endpoint.method === 'GET' ? fc.constant(undefined) : body,
    contentType,
  });
}

describe('L3 fuzzing every endpoint over real HTTP', () => {
  let sim: RunningSimulator;
  let stack: TestStack;
  let ids: Ids;
  const cookies: Record<'member' | 'administrator', string | undefined> = {
    member: undefined,
    administrator: undefined,
  };
  let memberEmail: string;
  let adminEmail: string;
  let requests = 0;
  /** Fuzzed requests that succeeded, each answer checked against the contract's answer schema. */
  let succeeded = 0;

  /** Signs `who` in again when a fuzzed request ended its session (logout, password reset, rotation). */
  async function ensureSignedIn(who: 'member' | 'administrator') {
    const client = new Client(stack.url, randomIp());
    client.cookie = cookies[who];
    const session = await client.get('/session');
    if (session.body.account) return;
    const fresh = new Client(stack.url, randomIp());
    const login = await fresh.post('/login', {
      email: who === 'member' ? memberEmail : adminEmail,
      password: GOOD_PASSWORD,
    });
    assert.equal(login.status, 200, `re-login of the ${who}: ${login.text}`);
    cookies[who] = fresh.cookie;
  }

  before(async () => {
    ({ sim, stack } = await startWithSimulator('pglite', 'fuzz', { env: { PUBLIC_URL } }));
    const member = stack.client();
    memberEmail = await signUp(stack, member, { email: uniqueEmail('member'), firstName: 'Mila' });
    cookies.member = member.cookie;
    const admin = stack.client();
    adminEmail = await signUp(stack, admin, { email: uniqueEmail('admin'), firstName: 'Aad' });
    cookies.administrator = admin.cookie;
    // The administrator's organisation, written as a verified eHerkenning round trip would leave it.
    const db = stack.server.context.db;
    const now = stack.clock.now();
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO organisations (kvk_number, name, created_at, updated_at) VALUES ('90000001', 'Fuzz B.V.', $1, $1) RETURNING id",
      [now],
    );
    const organisationId = rows[0]!.id;
    const account = await db.query<{ id: string }>('SELECT id FROM accounts WHERE email = $1', [adminEmail]);
    const adminId = account.rows[0]!.id;
    await db.query('UPDATE accounts SET verified_at = $2 WHERE id = $1', [adminId, now]);
    await db.query(
      `INSERT INTO eherkenning_identities (issuer, subject, account_id, organisation_id, level, created_at, last_verified_at)
       VALUES ($1, 'fuzz-admin', $2, $3, 'loa3', $4, $4)`,
      [sim.issuer, adminId, organisationId, now],
    );
    const membership = await db.query<{ id: string }>(
      'INSERT INTO memberships (account_id, organisation_id, rights, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id',
      [adminId, organisationId, [...RIGHTS], now],
    );
    const config = await stack.client().get('/config');
    const suppliers = (config.body.suppliers as { id: string }[] | undefined) ?? [];
    ids = {
      organisationId,
      memberId: membership.rows[0]!.id,
      memberEmail,
      supplierId: suppliers[0]?.id ?? 'unknown',
    };
  });

  after(async () => {
    await stack?.close();
    await sim?.close();
  });

  for (const name of Object.keys(ENDPOINTS) as EndpointName[]) {
    const endpoint = ENDPOINTS[name];
    it(`${endpoint.method} ${endpoint.path}: ${RUNS} hostile requests, 0 5xx, 0 stack traces, still alive`, async (t) => {
      const details = await fc.check(
        fc.asyncProperty(requestArbitrary(name, ids), async (request) => {
          if (request.as !== 'anonymous') await ensureSignedIn(request.as);
          const path = endpoint.path.replace(/\{(\w+)\}/g, (_m, key: string) => encodeSegment(request.params[key]!));
          const url = new URL(`${stack.url}/api/v1${path}`);
          for (const [key, value] of request.query) url.searchParams.append(key, value);
          const headers: Record<string, string> = { origin: TEST_ORIGIN, 'x-forwarded-for': randomIp() };
          if (request.contentType && endpoint.method !== 'GET') headers['content-type'] = request.contentType;
          const cookie = request.as === 'anonymous' ? undefined : cookies[request.as];
          if (cookie) headers.cookie = cookie;
          const response = await fetch(url, {
            method: endpoint.method,
            headers,
            ...(request.body === undefined ? {} : { body: request.body }),
            redirect: 'manual',
          });
          const text = await response.text();
          requests++;
          assert.ok(
            response.status < 500,
            `${endpoint.method} ${path} answered ${response.status}: ${text.slice(0, 300)}`,
          );
          assertNoLeak(text, `${endpoint.method} ${path}`);
          // Node's HTTP parser itself refuses some requests (431 for a 17 kB URL) with an empty body; every answer
          // the app gives is a problem document.
          if (response.status >= 400 && text !== '') {
            assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/, text.slice(0, 200));
          }
          // A hostile request that succeeds still gets an answer of the contract's shape, as the SDK reads it.
          if (response.status === endpoint.status && text !== '') {
            assertContractAnswer(endpoint.method, url.href, response.status, JSON.parse(text));
            succeeded++;
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (details.failed) {
        const example = JSON.stringify(details.counterexample, (_key, value: unknown) =>
          typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…(${value.length} chars)` : value,
        );
        const cause =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `${endpoint.method} ${endpoint.path} failed after ${details.numRuns} runs (seed ${SEED}, path ${details.counterexamplePath}): ${cause.slice(0, 500)}\n  request: ${example.slice(0, 1500)}`,
        );
      }
      const health = await fetch(`${stack.url}/healthz`);
      assert.equal(health.status, 200, 'the process is alive');
      t.diagnostic(`${requests} requests so far`);
    });
  }

  it('a whole sign-up with privilege fields on every body ends unverified, in no organisation (mass assignment)', async () => {
    const client = stack.client();
    const email = uniqueEmail('mass');
    const extra = PRIVILEGE_FIELDS;
    assert.equal((await client.post('/signup/email', { email, ...extra })).status, 202);
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    assert.equal((await client.post('/signup/code', { code, ...extra })).status, 200);
    const created = await client.post('/signup/account', {
      password: GOOD_PASSWORD,
      firstName: 'Mas',
      lastName: 'Sa',
      ...extra,
    });
    assert.equal(created.status, 201, created.text);
    const started = await client.post('/eherkenning/start', {
      supplierId: ids.supplierId,
      returnTo: 'http://localhost:5173/aanmelden',
      ...extra,
    });
    assert.equal(started.status, 200, started.text);
    const session = await client.get('/session');
    assert.equal(session.body.account?.verified, false);
    assert.deepEqual(session.body.memberships, []);
    assert.equal(session.body.step, 'supplier');
    const kvk = await stack.server.context.db.query("SELECT id FROM organisations WHERE kvk_number = '12345678'");
    assert.deepEqual(kvk.rows, [], 'no organisation from a kvk field');
  });

  it('the extra fields changed nothing: the member is unverified and in no organisation; no prototype was polluted', async () => {
    const member = new Client(stack.url, randomIp());
    member.cookie = cookies.member;
    await ensureSignedIn('member');
    member.cookie = cookies.member;
    const session = await member.get('/session');
    assert.equal(session.body.account?.email, memberEmail);
    assert.equal(session.body.account?.verified, false, 'verified stays false');
    assert.deepEqual(session.body.memberships, [], 'no membership appeared');
    const db = stack.server.context.db;
    const organisations = await db.query<{ kvk_number: string }>('SELECT kvk_number FROM organisations');
    assert.deepEqual(
      organisations.rows.map((row) => row.kvk_number),
      ['90000001'],
      'no organisation was made from a kvk field',
    );
    const verified = await db.query<{ email: string }>('SELECT email FROM accounts WHERE verified_at IS NOT NULL');
    assert.deepEqual(
      verified.rows.map((row) => row.email),
      [adminEmail],
    );
    const identities = await db.query('SELECT id FROM eherkenning_identities');
    assert.equal(identities.rows.length, 1, 'no eHerkenning identity was made from an extra field');
    const probe: Record<string, unknown> = {};
    assert.equal(probe.polluted, undefined, 'Object.prototype was not polluted');
    assert.equal(probe.isAdmin, undefined, 'Object.prototype was not polluted');
    assert.ok(ODD_STRINGS.length > 0);
    process.stdout.write(
      `# L3 fuzz: ${requests} requests over ${Object.keys(ENDPOINTS).length} endpoints (seed ${SEED}, ${RUNS} runs each): 0 5xx, 0 stack traces, ${succeeded} successful answers of the contract's shape\n`,
    );
  });
});
