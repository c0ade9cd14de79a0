// An organisation always keeps someone who holds `administer`: its last administrator cannot take that right
// from themselves or remove themselves (`last_administrator` 409) — also when twenty requests race on PostgreSQL,
// where each write locks the organisation row before it counts administrators (SECURITY.md F3).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RIGHTS } from '@wij-techniek/onboarding-contract';
import type { Answer } from '../helpers/client.ts';
import { DATABASE_URL, eachBackend, PG_SKIP, startStack, type TestStack } from '../helpers/harness.ts';
import { ALL_BUT_ADMINISTER, createOrganisationWithAdministrator, insertMembership, newPerson } from './helpers.ts';

async function administrators(stack: TestStack, organisationId: string): Promise<string[]> {
  const { rows } = await stack.server.context.db.query<{ id: string }>(
    `SELECT id FROM memberships WHERE organisation_id = $1 AND 'administer' = ANY (rights)`,
    [organisationId],
  );
  return rows.map((row) => row.id);
}

eachBackend('last administrator', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend);
  });
  after(async () => {
    await stack?.close();
  });

  it('the only administrator can neither drop their own administer right nor remove themselves', async () => {
    const { organisationId, administrator, membershipId } = await createOrganisationWithAdministrator(stack);
    const path = `/organisations/${organisationId}/members/${membershipId}`;
    const drop = await administrator.client.request('PATCH', path, { rights: ALL_BUT_ADMINISTER });
    assert.equal(drop.status, 409);
    assert.equal(drop.body.code, 'last_administrator');
    const leave = await administrator.client.request('DELETE', path, {});
    assert.equal(leave.status, 409);
    assert.equal(leave.body.code, 'last_administrator');
    assert.deepEqual(await administrators(stack, organisationId), [membershipId]);
    // Other rights of the last administrator can change freely.
    const keep = await administrator.client.request('PATCH', path, { rights: ['administer'] });
    assert.equal(keep.status, 200, keep.text);
    assert.deepEqual((keep.body.member as { rights: string[] }).rights, ['administer']);
  });

  it('with a second administrator, either may step down, and then the other is the last', async () => {
    const { organisationId, administrator, membershipId } = await createOrganisationWithAdministrator(stack);
    const second = await newPerson(stack, 'Bram', 'Smit');
    const secondId = await insertMembership(stack, organisationId, second, RIGHTS);
    const stepDown = await administrator.client.request(
      'PATCH',
      `/organisations/${organisationId}/members/${membershipId}`,
      {
        rights: ALL_BUT_ADMINISTER,
      },
    );
    assert.equal(stepDown.status, 200, stepDown.text);
    // Without administer the first one can no longer manage anyone.
    const refused = await administrator.client.get(`/organisations/${organisationId}/members`);
    assert.equal(refused.status, 403);
    const leave = await second.client.request('DELETE', `/organisations/${organisationId}/members/${secondId}`, {});
    assert.equal(leave.status, 409);
    assert.equal(leave.body.code, 'last_administrator');
    const removeOther = await second.client.request(
      'DELETE',
      `/organisations/${organisationId}/members/${membershipId}`,
      {},
    );
    assert.equal(removeOther.status, 204);
    assert.deepEqual(await administrators(stack, organisationId), [secondId]);
  });
});

describe(
  'last administrator under 20 concurrent requests on PostgreSQL',
  { skip: DATABASE_URL ? false : PG_SKIP },
  () => {
    let stack: TestStack;
    before(async () => {
      stack = await startStack('postgres');
    });
    after(async () => {
      await stack?.close();
    });

    for (let round = 1; round <= 3; round++) {
      it(`round ${round}: two administrators each try to step down and to remove the other, 20 requests at once → exactly one administrator remains`, async () => {
        const {
          organisationId,
          administrator: a,
          membershipId: aId,
        } = await createOrganisationWithAdministrator(stack);
        const b = await newPerson(stack, 'Bram', 'Smit');
        const bId = await insertMembership(stack, organisationId, b, RIGHTS);
        const path = (id: string) => `/organisations/${organisationId}/members/${id}`;
        const requests: (() => Promise<Answer>)[] = [];
        for (let i = 0; i < 5; i++) {
          requests.push(() => a.client.request('PATCH', path(aId), { rights: ALL_BUT_ADMINISTER }));
          requests.push(() => b.client.request('PATCH', path(bId), { rights: ALL_BUT_ADMINISTER }));
          requests.push(() => a.client.request('DELETE', path(bId), {}));
          requests.push(() => b.client.request('DELETE', path(aId), {}));
        }
        const answers = await Promise.all(requests.map((send) => send()));
        const statuses = answers.map((answer) => answer.status);
        const succeeded = statuses.filter((status) => status === 200 || status === 204).length;
        assert.equal(requests.length, 20);
        // Whoever goes first wins; after that one administrator is left and every request that would take the
        // last one away is refused. (One may step down and then be removed by the other: two valid changes.)
        assert.ok(succeeded >= 1 && succeeded <= 2, `one or two changes win: ${statuses.join(' ')}`);
        assert.ok(
          answers.some((answer) => answer.body.code === 'last_administrator'),
          `the race met the rule: ${statuses.join(' ')}`,
        );
        for (const answer of answers) {
          if (answer.status >= 400) {
            assert.ok(
              ['forbidden', 'last_administrator', 'not_found'].includes(answer.body.code!),
              `${answer.status} ${answer.text}`,
            );
          }
        }
        assert.equal((await administrators(stack, organisationId)).length, 1, 'exactly one administrator remains');
        const { rows } = await stack.server.context.db.query<{ action: string }>(
          `SELECT action FROM audit_log WHERE organisation_id = $1 AND action IN ('rights_changed', 'member_removed')`,
          [organisationId],
        );
        assert.equal(rows.length, succeeded, 'the audit log records exactly the changes that were made');
        console.log(`last administrator round ${round}: ${statuses.join(' ')}`);
      });
    }
  },
);
