// Who may call which organisation endpoint: every endpoint × administrator, member holding the right, member
// without it, another organisation's administrator and anonymous — each allowed or refused as it should be, and
// a refused write changes nothing (SECURITY.md F1: rights are enforced on the server, on every endpoint).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ENDPOINTS, endpointPath, RIGHTS, type EndpointName } from '@wij-techniek/onboarding-contract';
import type { Answer, Client } from '../helpers/client.ts';
import { eachBackend, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import {
  ALL_BUT_ADMINISTER,
  createOrganisationWithAdministrator,
  insertMembership,
  newPerson,
  type Person,
} from './helpers.ts';

type Role =
  'administrator' | 'member with the right' | 'member without the right' | 'other administrator' | 'anonymous';
const ROLES: readonly Role[] = [
  'administrator',
  'member with the right',
  'member without the right',
  'other administrator',
  'anonymous',
];

/** What each role gets: the endpoint's success, or the refusal. */
function expected(endpoint: OrganisationEndpoint, role: Role): number {
  if (role === 'anonymous') return 401;
  if (role === 'other administrator') return 403;
  if (role === 'member without the right') return endpoint === 'organisation' ? ENDPOINTS.organisation.status : 403;
  return ENDPOINTS[endpoint].status;
}

const ORGANISATION_ENDPOINTS = [
  'organisation',
  'members',
  'inviteMember',
  'updateMember',
  'removeMember',
  'invitations',
  'withdrawInvitation',
  'audit',
] as const satisfies readonly EndpointName[];
type OrganisationEndpoint = (typeof ORGANISATION_ENDPOINTS)[number];

eachBackend('organisation endpoints: authorization matrix', (backend) => {
  let stack: TestStack;
  let organisationId: string;
  const people = new Map<Role, Client>();

  before(async () => {
    stack = await startStack(backend);
    const own = await createOrganisationWithAdministrator(stack);
    organisationId = own.organisationId;
    people.set('administrator', own.administrator.client);
    // "The right" of every endpoint but the organisation view is `administer`; this member has nothing else.
    const second = await newPerson(stack, 'Bram', 'Smit');
    await insertMembership(stack, organisationId, second, ['administer']);
    people.set('member with the right', second.client);
    const plain = await newPerson(stack, 'Piet', 'Bakker');
    await insertMembership(stack, organisationId, plain, ALL_BUT_ADMINISTER);
    people.set('member without the right', plain.client);
    const other = await createOrganisationWithAdministrator(stack, 'Ander Bedrijf B.V.');
    people.set('other administrator', other.administrator.client);
    people.set('anonymous', stack.client());
  });
  after(async () => {
    await stack?.close();
  });

  /** A member that only this call may change or remove. */
  async function victim(): Promise<{ memberId: string; person: Person }> {
    const person = await newPerson(stack, 'Kees', 'Visser');
    return { memberId: await insertMembership(stack, organisationId, person, ['submit_expense_claims']), person };
  }

  /** A pending invitation that only this call may withdraw. */
  async function pendingInvitation(): Promise<string> {
    const answer = await people
      .get('administrator')!
      .post(`/organisations/${organisationId}/members`, { email: uniqueEmail('invitee'), rights: [] });
    assert.equal(answer.status, 201, answer.text);
    return (answer.body.invitation as { id: string }).id;
  }

  async function call(
    endpoint: OrganisationEndpoint,
    client: Client,
  ): Promise<{ answer: Answer; unchanged: () => Promise<void> }> {
    const base = { organisationId };
    const db = stack.server.context.db;
    switch (endpoint) {
      case 'updateMember': {
        const { memberId } = await victim();
        const answer = await client.request('PATCH', endpointPath(endpoint, { ...base, memberId }), {
          rights: [...RIGHTS],
        });
        return {
          answer,
          unchanged: async () => {
            const { rows } = await db.query<{ rights: string[] }>('SELECT rights FROM memberships WHERE id = $1', [
              memberId,
            ]);
            assert.deepEqual(rows[0]?.rights, ['submit_expense_claims']);
          },
        };
      }
      case 'removeMember': {
        const { memberId } = await victim();
        const answer = await client.request('DELETE', endpointPath(endpoint, { ...base, memberId }), {});
        return {
          answer,
          unchanged: async () => {
            const { rows: found } = await db.query('SELECT 1 FROM memberships WHERE id = $1', [memberId]);
            assert.equal(found.length, 1);
          },
        };
      }
      case 'withdrawInvitation': {
        const invitationId = await pendingInvitation();
        const answer = await client.request('DELETE', endpointPath(endpoint, { ...base, invitationId }), {});
        return {
          answer,
          unchanged: async () => {
            const { rows } = await db.query<{ withdrawn_at: Date | null }>(
              'SELECT withdrawn_at FROM invitations WHERE id = $1',
              [invitationId],
            );
            assert.equal(rows[0]?.withdrawn_at, null);
          },
        };
      }
      case 'inviteMember': {
        const email = uniqueEmail('matrix');
        const answer = await client.post(endpointPath(endpoint, base), { email, rights: ['access_exclusive_content'] });
        return {
          answer,
          unchanged: async () => {
            const { rows: found } = await db.query('SELECT 1 FROM invitations WHERE email = $1', [email]);
            assert.equal(found.length, 0);
            await stack.drain();
            assert.equal(stack.smtp.to(email).length, 0, 'no invitation mail');
          },
        };
      }
      default: {
        const answer = await client.get(endpointPath(endpoint, base));
        return { answer, unchanged: async () => {} };
      }
    }
  }

  let cases = 0;
  for (const endpoint of ORGANISATION_ENDPOINTS) {
    for (const role of ROLES) {
      const status = expected(endpoint, role);
      const verdict = status < 400 ? 'allowed' : status === 401 ? 'not_signed_in' : 'forbidden';
      cases++;
      it(`${ENDPOINTS[endpoint].method} ${ENDPOINTS[endpoint].path} as ${role}: ${verdict} (${status})`, async () => {
        const { answer, unchanged } = await call(endpoint, people.get(role)!);
        assert.equal(answer.status, status, answer.text);
        if (status >= 400) {
          assert.equal(answer.body.code, verdict);
          assert.equal(answer.headers.get('content-type'), 'application/problem+json');
          await unchanged();
        }
      });
    }
  }

  it(`the matrix covers ${ORGANISATION_ENDPOINTS.length} endpoints × ${ROLES.length} roles`, () => {
    console.log(
      `authorization matrix (${backend}): ${cases} cases = ${ORGANISATION_ENDPOINTS.length} endpoints × ${ROLES.length} roles`,
    );
    assert.equal(cases, ORGANISATION_ENDPOINTS.length * ROLES.length);
  });

  it('refuses an organisation that does not exist or a malformed id with the same forbidden, for a signed-in person', async () => {
    const admin = people.get('administrator')!;
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
      const answer = await admin.get(`/organisations/${encodeURIComponent(id)}`);
      assert.equal(answer.status, 403, `${id}: ${answer.text}`);
      assert.equal(answer.body.code, 'forbidden');
    }
  });

  it('answers not_found for a member or invitation of another organisation, and changes nothing there', async () => {
    const other = await createOrganisationWithAdministrator(stack, 'Derde B.V.');
    const admin = people.get('administrator')!;
    const answer = await admin.request('DELETE', `/organisations/${organisationId}/members/${other.membershipId}`, {});
    assert.equal(answer.status, 404);
    const { rows: found } = await stack.server.context.db.query('SELECT 1 FROM memberships WHERE id = $1', [
      other.membershipId,
    ]);
    assert.equal(found.length, 1);
  });
});
