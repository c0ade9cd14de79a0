import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Invitation, Member, OrganisationView, Session } from '@wij-techniek/onboarding-contract';
import { OnboardingError } from '../../src/index.js';
import {
  createOrganisationClient,
  createOrganisationMembers,
  type MembersClient,
  type MembersState,
} from '../../src/organisation/index.js';

const ORG = '5d1f2c3b-8e4a-4f6b-9c7d-1a2b3c4d5e6f';
const ME = '0b7e7b3e-6a52-4c55-9a3c-2f6d0c1e9a01';
const PIET = '1c8f8c4f-7b63-4d66-8b4d-3a7e1d2f0b12';
const ALL = ['register_for_meetings', 'submit_expense_claims', 'access_exclusive_content', 'administer'] as const;

const organisation = { id: ORG, name: 'Installatiebedrijf De Vries B.V.', kvkNumber: '12345678', branchNumber: null };
const admin: Member = {
  id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  accountId: ME,
  email: 'jan@bedrijf.nl',
  firstName: 'Jan',
  lastName: 'de Vries',
  rights: [...ALL],
  joinedAt: '2026-01-05T09:00:00.000Z',
};
const piet: Member = {
  id: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
  accountId: PIET,
  email: 'piet@bedrijf.nl',
  firstName: 'Piet',
  lastName: 'Bakker',
  rights: ['submit_expense_claims'],
  joinedAt: '2026-02-01T09:00:00.000Z',
};
const pending: Invitation = {
  id: '9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f',
  email: 'kees@bedrijf.nl',
  rights: ['register_for_meetings'],
  createdAt: '2026-03-01T09:00:00.000Z',
  expiresAt: '2026-03-08T09:00:00.000Z',
};
const session: Session = {
  step: 'verified',
  account: { id: ME, email: admin.email, firstName: 'Jan', lastName: 'de Vries', verified: true },
  memberships: [],
  flow: null,
  eherkenning: null,
  expiresAt: '2026-03-01T10:30:00.000Z',
  extendable: true,
};

/** A stand-in client: every call is recorded; tests replace single methods. */
function fakeClient(overrides: Partial<MembersClient> = {}, rights: OrganisationView['rights'] = [...ALL]) {
  const calls: string[] = [];
  const record =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A) => {
      calls.push(name);
      return Promise.resolve(fn(...args));
    };
  const client: MembersClient = {
    session: record('session', () => session),
    organisation: record('organisation', () => ({ organisation, rights })),
    members: record('members', () => ({ members: [admin, piet] })),
    invitations: record('invitations', () => ({ invitations: [pending] })),
    inviteMember: record('inviteMember', (_org: string, body: { email: string; rights: Member['rights'] }) => ({
      invitation: { ...pending, id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b', email: body.email, rights: body.rights },
    })),
    updateMember: record('updateMember', (_org: string, memberId: string, body: { rights: Member['rights'] }) => ({
      member: { ...(memberId === admin.id ? admin : piet), rights: body.rights },
    })),
    removeMember: record('removeMember', () => undefined),
    withdrawInvitation: record('withdrawInvitation', () => undefined),
  };
  for (const [name, fn] of Object.entries(overrides)) {
    (client as unknown as Record<string, unknown>)[name] = record(name, fn as () => unknown);
  }
  return { client, calls };
}

const refuse = (code: ConstructorParameters<typeof OnboardingError>[0]) => () =>
  Promise.reject(new OnboardingError(code, code));

async function loaded(overrides: Partial<MembersClient> = {}) {
  const fake = fakeClient(overrides);
  const people = createOrganisationMembers({ organisationId: ORG, client: fake.client });
  await people.load();
  fake.calls.length = 0;
  return { people, calls: fake.calls };
}

describe('OrganisationMembers', () => {
  it('loads the organisation, the members and the pending invitations for an administrator', async () => {
    const { client, calls } = fakeClient();
    const people = createOrganisationMembers({ organisationId: ORG, client });
    const seen: MembersState[] = [];
    people.subscribe((state) => seen.push(state));
    const state = await people.load();
    assert.equal(seen[0]?.busy, 'load');
    assert.equal(state.status, 'ready');
    assert.equal(state.busy, undefined);
    assert.equal(state.canAdminister, true);
    assert.equal(state.accountId, ME);
    assert.deepEqual(state.organisation, organisation);
    assert.deepEqual(
      state.members.map((m) => m.email),
      ['jan@bedrijf.nl', 'piet@bedrijf.nl'],
    );
    assert.deepEqual(state.invitations, [pending]);
    assert.deepEqual([...calls].sort(), ['invitations', 'members', 'organisation', 'session']);
  });

  it('shows a member without the administer right their own rights only, and never asks for the member list', async () => {
    const { client, calls } = fakeClient({}, ['submit_expense_claims']);
    const state = await createOrganisationMembers({ organisationId: ORG, client }).load();
    assert.equal(state.status, 'ready');
    assert.equal(state.canAdminister, false);
    assert.deepEqual(state.rights, ['submit_expense_claims']);
    assert.deepEqual(state.members, []);
    assert.ok(!calls.includes('members') && !calls.includes('invitations'));
  });

  it('turns a refused load into a value and an error event', async () => {
    const { client } = fakeClient({ organisation: refuse('forbidden') });
    const people = createOrganisationMembers({ organisationId: ORG, client });
    const events: string[] = [];
    people.addEventListener('error', (event) => events.push(`${event.action}:${event.error.code}`));
    const state = await people.load();
    assert.equal(state.status, 'failed');
    assert.equal(state.error?.error.code, 'forbidden');
    assert.equal(state.error?.action, 'load');
    assert.deepEqual(events, ['load:forbidden']);
  });

  it('adds a sent invitation to the pending list and dispatches invited', async () => {
    const { people, calls } = await loaded();
    let invited: Invitation | undefined;
    people.addEventListener('invited', (event) => (invited = event.invitation));
    const sent = await people.invite({ email: 'anna@bedrijf.nl', rights: ['administer', 'register_for_meetings'] });
    assert.equal(sent, true);
    assert.deepEqual(calls, ['inviteMember']);
    assert.equal(invited?.email, 'anna@bedrijf.nl');
    // Rights travel in the contract's order, whatever order the UI gave them in.
    assert.deepEqual(invited?.rights, ['register_for_meetings', 'administer']);
    assert.deepEqual(
      people.state.invitations.map((i) => i.email),
      ['kees@bedrijf.nl', 'anna@bedrijf.nl'],
    );
  });

  it('sends one invitation when the person clicks twice', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { people, calls } = await loaded({
      inviteMember: async (_org, body) => {
        await gate;
        return { invitation: { ...pending, email: body.email } };
      },
    });
    const first = people.invite({ email: 'anna@bedrijf.nl', rights: [] });
    assert.equal(people.state.busy, 'invite');
    assert.equal(await people.invite({ email: 'anna@bedrijf.nl', rights: [] }), false);
    release();
    assert.equal(await first, true);
    assert.deepEqual(calls, ['inviteMember']);
  });

  it('marks a wrong address on the e-mail field without sending anything (real client validation)', async () => {
    const sent: string[] = [];
    const client = createOrganisationClient({
      apiBase: 'http://app.test/api/v1',
      fetch: (input) => {
        sent.push(input instanceof Request ? input.url : input.toString());
        return Promise.resolve(new Response('{}', { status: 500 }));
      },
    });
    const people = createOrganisationMembers({ organisationId: ORG, client });
    assert.equal(await people.invite({ email: 'geen-adres', rights: [] }), false);
    assert.deepEqual(sent, []);
    assert.equal(people.state.error?.error.code, 'invalid_email');
    assert.deepEqual(people.state.fieldErrors, { email: ['invalid_email'] });
  });

  it('marks already_member on the e-mail field', async () => {
    const { people } = await loaded({ inviteMember: refuse('already_member') });
    assert.equal(await people.invite({ email: 'piet@bedrijf.nl', rights: [] }), false);
    assert.deepEqual(people.state.fieldErrors, { email: ['already_member'] });
    assert.equal(people.state.invitations.length, 1);
  });

  it('replaces a member after a change of rights and dispatches updated with the rights before', async () => {
    const { people } = await loaded();
    let detail: { before: string[]; after: string[] } | undefined;
    people.addEventListener('updated', (event) => {
      detail = { before: [...event.previous.rights], after: [...event.member.rights] };
    });
    assert.equal(await people.updateRights(piet.id, ['submit_expense_claims', 'access_exclusive_content']), true);
    assert.deepEqual(detail, {
      before: ['submit_expense_claims'],
      after: ['submit_expense_claims', 'access_exclusive_content'],
    });
    assert.deepEqual(people.state.members.find((m) => m.id === piet.id)?.rights, [
      'submit_expense_claims',
      'access_exclusive_content',
    ]);
  });

  it('keeps the last administrator error as a value tied to the member', async () => {
    const { people } = await loaded({ updateMember: refuse('last_administrator') });
    assert.equal(await people.updateRights(admin.id, ['submit_expense_claims']), false);
    assert.equal(people.state.error?.error.code, 'last_administrator');
    assert.equal(people.state.error?.target, admin.id);
    assert.deepEqual(people.state.members.find((m) => m.id === admin.id)?.rights, [...ALL]);
    assert.equal(people.state.canAdminister, true);
  });

  it('drops the lists when the signed-in administrator gives up their own administer right', async () => {
    const { people } = await loaded();
    assert.equal(await people.updateRights(admin.id, ['submit_expense_claims']), true);
    assert.equal(people.state.canAdminister, false);
    assert.deepEqual(people.state.rights, ['submit_expense_claims']);
    assert.deepEqual(people.state.members, []);
  });

  it('removes a member and says whether it was the signed-in person', async () => {
    const { people } = await loaded();
    const removed: string[] = [];
    people.addEventListener('removed', (event) => removed.push(`${event.member.email}:${String(event.self)}`));
    assert.equal(await people.remove(piet.id), true);
    assert.deepEqual(
      people.state.members.map((m) => m.id),
      [admin.id],
    );
    assert.equal(await people.remove(admin.id), true);
    assert.deepEqual(removed, ['piet@bedrijf.nl:false', 'jan@bedrijf.nl:true']);
    assert.equal(people.state.canAdminister, false);
  });

  it('withdraws an invitation', async () => {
    const { people, calls } = await loaded();
    const withdrawn: string[] = [];
    people.addEventListener('withdrawn', (event) => withdrawn.push(event.invitation.email));
    assert.equal(await people.withdraw(pending.id), true);
    assert.deepEqual(calls, ['withdrawInvitation']);
    assert.deepEqual(withdrawn, ['kees@bedrijf.nl']);
    assert.deepEqual(people.state.invitations, []);
  });

  it('reloads the lists when a member was already gone, and keeps the error that explains it', async () => {
    const { people, calls } = await loaded({ removeMember: refuse('not_found') });
    const reloaded = new Promise<void>((resolve) => {
      const stop = people.subscribe((state, previous) => {
        if (previous.busy === 'load' && !state.busy) {
          stop();
          resolve();
        }
      });
    });
    assert.equal(await people.remove(piet.id), false);
    await reloaded;
    assert.ok(calls.includes('members'), 'the member list was fetched again');
    assert.equal(people.state.error?.error.code, 'not_found');
    assert.equal(people.state.status, 'ready');
  });

  it('without an organisation id, shows the first organisation the person administers, and switches on select', async () => {
    const other = { ...organisation, id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f', name: 'Tweede Bedrijf B.V.' };
    const memberships = [
      { id: piet.id, organisation: other, rights: ['submit_expense_claims' as const] },
      { id: admin.id, organisation, rights: [...ALL] },
    ];
    const asked: string[] = [];
    const { client } = fakeClient({
      session: () => Promise.resolve({ ...session, memberships }),
      organisation: (id: string) => {
        asked.push(id);
        return Promise.resolve({ organisation: id === ORG ? organisation : other, rights: id === ORG ? [...ALL] : [] });
      },
    });
    const people = createOrganisationMembers({ client });
    const state = await people.load();
    assert.equal(people.organisationId, ORG);
    assert.equal(state.organisation?.name, organisation.name);
    assert.deepEqual(state.memberships, memberships);
    const switched = await people.select(other.id);
    assert.deepEqual(asked, [ORG, other.id]);
    assert.equal(switched.organisation?.name, 'Tweede Bedrijf B.V.');
    assert.equal(switched.canAdminister, false);
  });

  it('without an organisation id, says not_signed_in to nobody and forbidden to an account without organisations', async () => {
    const anonymous = fakeClient({ session: () => Promise.resolve({ ...session, account: null }) });
    const refused = await createOrganisationMembers({ client: anonymous.client }).load();
    assert.equal(refused.error?.error.code, 'not_signed_in');
    assert.ok(!anonymous.calls.includes('organisation'));
    const loner = fakeClient({ session: () => Promise.resolve(session) });
    assert.equal((await createOrganisationMembers({ client: loner.client }).load()).error?.error.code, 'forbidden');
  });

  it('throws a TypeError for misuse and never sends it', async () => {
    const { people, calls } = await loaded();
    assert.throws(() => people.updateRights(piet.id, ['fly' as never]), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => people.remove(''), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.throws(() => createOrganisationMembers({ organisationId: '' }), { code: 'ERR_INVALID_ARG_TYPE' });
    assert.deepEqual(calls, []);
  });
});
