// The life of an invitation, over real HTTP with the mail read from a real SMTP server on loopback: the
// administrator invites, the colleague follows the mailed link and becomes a member with the invited rights —
// without eHerkenning — and the link works once, for seven days (injected clock), until withdrawn.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Membership } from '@wij-techniek/onboarding-contract';
import { eachBackend, GOOD_PASSWORD, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { createOrganisationWithAdministrator, invitationLink, newPerson, type Person } from './helpers.ts';

const SEVEN_DAYS = 7 * 24 * 60 * 60;

eachBackend('invitations', (backend) => {
  let stack: TestStack;
  let organisationId: string;
  let admin: Person;

  before(async () => {
    stack = await startStack(backend, { env: { APP_URL: 'http://localhost:5173/account' } });
    ({ organisationId, administrator: admin } = await createOrganisationWithAdministrator(stack));
  });
  after(async () => {
    await stack?.close();
  });

  async function invite(email: string, rights: string[], lang?: 'nl' | 'en') {
    const answer = await admin.client.post(`/organisations/${organisationId}/members`, {
      email,
      rights,
      ...(lang ? { lang } : {}),
    });
    assert.equal(answer.status, 201, answer.text);
    return answer.body.invitation as { id: string; email: string; rights: string[]; expiresAt: string };
  }

  it('mails a link to APP_URL with a 256-bit token that is stored only as a hash (nl by default, en on request)', async () => {
    const email = uniqueEmail('colleague');
    const invitation = await invite(email.toUpperCase(), ['submit_expense_claims', 'register_for_meetings']);
    assert.equal(invitation.email, email, 'the address is stored in its canonical form');
    assert.deepEqual(invitation.rights, ['register_for_meetings', 'submit_expense_claims']);
    assert.equal(Date.parse(invitation.expiresAt) - stack.clock.ms, SEVEN_DAYS * 1000);
    const { url, token } = await invitationLink(stack, email);
    assert.equal(`${url.origin}${url.pathname}`, 'http://localhost:5173/account');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/u, '32 random bytes, base64url');
    const mail = stack.smtp.to(email).at(-1)!;
    assert.match(mail.subject, /Jan de Vries nodigt je uit voor Installatiebedrijf De Vries B\.V\./u);
    assert.match(mail.text, /declaraties indienen/u);
    const { rows } = await stack.server.context.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM invitations WHERE id = $1',
      [invitation.id],
    );
    assert.match(rows[0]!.token_hash, /^[0-9a-f]{64}$/u);
    assert.notEqual(rows[0]!.token_hash, token);
    const dump = await stack.server.context.db.query<{ row: string }>(
      'SELECT row_to_json(i)::text AS row FROM invitations i',
    );
    assert.ok(!dump.rows.some((row) => row.row.includes(token)), 'the token appears nowhere in the table');

    const english = uniqueEmail('colleague');
    await invite(english, [], 'en');
    await stack.drain();
    assert.match(stack.smtp.to(english).at(-1)!.subject, /invites you to Installatiebedrijf De Vries B\.V\./u);
  });

  it('a colleague without an account: lookup, then password and name, signed in as a member with the invited rights', async () => {
    const email = uniqueEmail('new');
    await invite(email, ['register_for_meetings', 'access_exclusive_content']);
    const { token } = await invitationLink(stack, email);
    const colleague = stack.client();
    const preview = await colleague.post('/invitations/lookup', { token });
    assert.equal(preview.status, 200, preview.text);
    assert.deepEqual(preview.body, {
      organisation: { name: 'Installatiebedrijf De Vries B.V.' },
      email,
      rights: ['register_for_meetings', 'access_exclusive_content'],
      expiresAt: new Date(stack.clock.ms + SEVEN_DAYS * 1000).toISOString(),
      accountExists: false,
    });

    // The contract's password policy applies, blocklist included (P1, P3).
    const weak = await colleague.post('/invitations/accept', {
      token,
      password: 'Welkom01!Welkom',
      firstName: 'Kees',
      lastName: 'Visser',
    });
    assert.equal(weak.status, 422);
    assert.equal(weak.body.code, 'password_policy');
    assert.ok(weak.body.violations!.includes('blocklisted'), weak.text);
    const missing = await colleague.post('/invitations/accept', { token, password: GOOD_PASSWORD });
    assert.equal(missing.status, 400);
    assert.deepEqual(Object.keys(missing.body.fields!).sort(), ['firstName', 'lastName']);

    const before = colleague.cookie;
    const accepted = await colleague.post('/invitations/accept', {
      token,
      password: GOOD_PASSWORD,
      firstName: 'Kees',
      lastName: 'Visser',
    });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.body.step, 'verified');
    assert.equal(accepted.body.account!.email, email);
    assert.equal(accepted.body.account!.verified, false, 'no eHerkenning for an invited employee');
    const memberships = accepted.body.memberships as Membership[];
    assert.equal(memberships.length, 1);
    assert.equal(memberships[0]!.organisation.id, organisationId);
    assert.deepEqual(memberships[0]!.rights, ['register_for_meetings', 'access_exclusive_content']);
    assert.ok(colleague.cookie && colleague.cookie !== before, 'the session was rotated');

    const session = await colleague.get('/session');
    assert.equal(session.body.step, 'verified');
    const view = await colleague.get(`/organisations/${organisationId}`);
    assert.equal(view.status, 200);
    assert.deepEqual(view.body.rights, ['register_for_meetings', 'access_exclusive_content']);
    // The new account signs in with its password like any other.
    const again = stack.client();
    assert.equal((await again.post('/login', { email, password: GOOD_PASSWORD })).status, 200);

    // Single use: the same link again, by anyone, is refused.
    for (const client of [colleague, stack.client()]) {
      const reuse = await client.post('/invitations/accept', {
        token,
        password: GOOD_PASSWORD,
        firstName: 'Kees',
        lastName: 'Visser',
      });
      assert.equal(reuse.status, 400);
      assert.equal(reuse.body.code, 'invitation_invalid');
    }
    assert.equal((await stack.client().post('/invitations/lookup', { token })).body.code, 'invitation_invalid');
  });

  it('expires after seven days (injected clock)', async () => {
    const email = uniqueEmail('late');
    await invite(email, ['submit_expense_claims']);
    const { token } = await invitationLink(stack, email);
    stack.clock.advance(SEVEN_DAYS - 1);
    assert.equal((await stack.client().post('/invitations/lookup', { token })).status, 200);
    stack.clock.advance(1);
    const lookup = await stack.client().post('/invitations/lookup', { token });
    assert.equal(lookup.status, 410);
    assert.equal(lookup.body.code, 'invitation_expired');
    const accept = await stack.client().post('/invitations/accept', {
      token,
      password: GOOD_PASSWORD,
      firstName: 'Laat',
      lastName: 'Komer',
    });
    assert.equal(accept.body.code, 'invitation_expired');
    const { rows } = await stack.server.context.db.query('SELECT 1 FROM accounts WHERE email = $1', [email]);
    assert.equal(rows.length, 0, 'no account was created');
    // A week later the administrator's own session has long timed out too: sign in again for the next tests.
    const login = await admin.client.post('/login', { email: admin.email, password: GOOD_PASSWORD });
    assert.equal(login.status, 200, login.text);
  });

  it('a withdrawn invitation no longer works, and a new invitation replaces the old link', async () => {
    const email = uniqueEmail('withdrawn');
    const first = await invite(email, []);
    const { token: firstToken } = await invitationLink(stack, email);
    await invite(email, ['submit_expense_claims']);
    const { token: secondToken } = await invitationLink(stack, email);
    assert.notEqual(firstToken, secondToken);
    assert.equal(
      (await stack.client().post('/invitations/lookup', { token: firstToken })).body.code,
      'invitation_invalid',
    );
    const pending = await admin.client.get(`/organisations/${organisationId}/invitations`);
    const mine = (pending.body.invitations as { id: string; email: string }[]).filter((i) => i.email === email);
    assert.equal(mine.length, 1);
    assert.notEqual(mine[0]!.id, first.id);

    const withdrawn = await admin.client.request(
      'DELETE',
      `/organisations/${organisationId}/invitations/${mine[0]!.id}`,
      {},
    );
    assert.equal(withdrawn.status, 204);
    const accept = await stack.client().post('/invitations/accept', {
      token: secondToken,
      password: GOOD_PASSWORD,
      firstName: 'Weg',
      lastName: 'Gehaald',
    });
    assert.equal(accept.status, 400);
    assert.equal(accept.body.code, 'invitation_invalid');
    const again = await admin.client.request(
      'DELETE',
      `/organisations/${organisationId}/invitations/${mine[0]!.id}`,
      {},
    );
    assert.equal(again.status, 404);
  });

  it('a person with an account accepts while signed in with the invited address, and belongs to two organisations', async () => {
    const other = await createOrganisationWithAdministrator(stack, 'Tweede Bedrijf B.V.');
    const person = await newPerson(stack, 'Sanne', 'Mulder');
    // A member of the second organisation already.
    await other.administrator.client.post(`/organisations/${other.organisationId}/members`, {
      email: person.email,
      rights: ['access_exclusive_content'],
    });
    const { token: otherToken } = await invitationLink(stack, person.email);
    assert.equal((await person.client.post('/invitations/accept', { token: otherToken })).status, 200);

    await invite(person.email, ['submit_expense_claims']);
    const { token } = await invitationLink(stack, person.email);
    const preview = await stack.client().post('/invitations/lookup', { token });
    assert.equal(preview.body.accountExists, true);

    // Not signed in: sign in first (the accept screen offers it); no account is made or changed.
    const anonymous = await stack.client().post('/invitations/accept', {
      token,
      password: GOOD_PASSWORD,
      firstName: 'Iemand',
      lastName: 'Anders',
    });
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.code, 'not_signed_in');

    // Signed in with another address: refused.
    const stranger = await newPerson(stack, 'Tom', 'de Boer');
    const mismatch = await stranger.client.post('/invitations/accept', { token });
    assert.equal(mismatch.status, 403);
    assert.equal(mismatch.body.code, 'invitation_email_mismatch');
    assert.equal((await stranger.client.get('/session')).body.memberships!.length, 0);

    const before = person.client.cookie;
    const accepted = await person.client.post('/invitations/accept', { token });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.body.step, 'verified');
    assert.notEqual(person.client.cookie, before, 'the session was rotated');
    const rights = Object.fromEntries(
      (accepted.body.memberships as Membership[]).map((m) => [m.organisation.name, m.rights]),
    );
    assert.deepEqual(rights, {
      'Tweede Bedrijf B.V.': ['access_exclusive_content'],
      'Installatiebedrijf De Vries B.V.': ['submit_expense_claims'],
    });
  });

  it('refuses to invite an address that already belongs to a member', async () => {
    const answer = await admin.client.post(`/organisations/${organisationId}/members`, {
      email: admin.email,
      rights: [],
    });
    assert.equal(answer.status, 409);
    assert.equal(answer.body.code, 'already_member');
    const bad = await admin.client.post(`/organisations/${organisationId}/members`, {
      email: 'geen-adres',
      rights: [],
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'invalid_email');
  });

  it('records who did what to whom, and when: invitations, acceptance, change of rights, removal', async () => {
    const email = uniqueEmail('audited');
    await invite(email, ['submit_expense_claims']);
    const { token } = await invitationLink(stack, email);
    const colleague = stack.client();
    await colleague.post('/invitations/accept', { token, password: GOOD_PASSWORD, firstName: 'Eva', lastName: 'Bos' });
    const members = await admin.client.get(`/organisations/${organisationId}/members`);
    const eva = (members.body.members as { id: string; email: string; accountId: string }[]).find(
      (m) => m.email === email,
    )!;
    stack.clock.advance(60);
    const patched = await admin.client.request('PATCH', `/organisations/${organisationId}/members/${eva.id}`, {
      rights: ['submit_expense_claims', 'administer'],
    });
    assert.equal(patched.status, 200);
    stack.clock.advance(60);
    const removed = await admin.client.request('DELETE', `/organisations/${organisationId}/members/${eva.id}`, {});
    assert.equal(removed.status, 204);

    const audit = await admin.client.get(`/organisations/${organisationId}/audit`);
    assert.equal(audit.status, 200);
    const entries = (
      audit.body.entries as {
        action: string;
        at: string;
        actor: { name: string } | null;
        subject: { accountId: string | null; email: string | null };
        rightsBefore: string[] | null;
        rightsAfter: string[] | null;
      }[]
    ).filter((entry) => entry.subject.email === email);
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor?.name, e.rightsBefore, e.rightsAfter]),
      [
        ['member_removed', 'Jan de Vries', ['submit_expense_claims', 'administer'], null],
        ['rights_changed', 'Jan de Vries', ['submit_expense_claims'], ['submit_expense_claims', 'administer']],
        ['invitation_accepted', 'Eva Bos', null, ['submit_expense_claims']],
        ['member_invited', 'Jan de Vries', null, ['submit_expense_claims']],
      ],
    );
    assert.ok(entries.slice(0, 3).every((entry) => entry.subject.accountId === eva.accountId));
    const all = audit.body.entries as { action: string }[];
    assert.equal(all.at(-1)!.action, 'administrator_verified');
    const logged = stack.logs.map((line) => JSON.parse(line) as { event: string });
    for (const event of [
      'member_invited',
      'invitation_accepted',
      'rights_changed',
      'administrator_granted',
      'member_removed',
    ]) {
      assert.ok(
        logged.some((line) => line.event === event),
        `log event ${event}`,
      );
    }
    assert.ok(!stack.logs.some((line) => line.includes(token)), 'the token is never logged (L1)');
  });
});
