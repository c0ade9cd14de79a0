// What the outbox keeps, on PGlite and PostgreSQL: once a mail is delivered to the real SMTP server on loopback, or
// given up, its codes and links are nowhere in the table (SECURITY.md C6: codes are kept only hashed, ASVS4 2.7.5);
// the dev mailbox, which reads the rows, keeps showing them; and the clean-up deletes finished rows after
// OUTBOX_RETENTION while it never touches a mail still to be sent (F6). Time moves only through the injected clock.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { enqueueMail, migrate, readMigrations, type Database } from '../../src/index.ts';
import { eachBackend, openTestDatabase, signUp, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';
import { createOrganisationWithAdministrator, invitationLink } from '../organisations/helpers.ts';

const DAY = 24 * 3600;

/** Every column of every outbox row, as one text: what someone who can read the table sees. */
async function outboxDump(stack: TestStack): Promise<string> {
  const { rows } = await stack.server.context.db.query('SELECT * FROM outbox');
  return JSON.stringify(rows);
}

/** The outbox row of the newest mail to `email`. */
async function rowTo(stack: TestStack, email: string) {
  const { rows } = await stack.server.context.db.query<{
    id: string;
    to_address: string;
    template: string;
    status: string;
    attempts: number;
    last_error: string | null;
    subject: string | null;
    text_body: string | null;
    html_body: string | null;
    finished_at: Date | null;
  }>('SELECT * FROM outbox WHERE to_address = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [email]);
  return rows[0]!;
}

eachBackend('C6 outbox content and retention', (backend) => {
  let stack: TestStack;
  before(async () => {
    // OUTBOX_RETENTION through the environment, as an operator sets it: a week instead of the default 30 days.
    stack = await startStack(backend, {
      cleanup: false,
      outbox: { maxAttempts: 2, backoffSeconds: 30 },
      env: { APP_URL: 'http://localhost:5173/account', OUTBOX_RETENTION: '7d' },
    });
  });
  after(async () => {
    await stack?.close();
  });

  it('C6: once the SMTP server accepted a sign-up code mail, SELECT * on the outbox holds no trace of the code', async () => {
    const client = stack.client();
    const email = uniqueEmail('c6');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    const queued = await rowTo(stack, email);
    assert.equal(queued.status, 'queued');
    const code = /\b([0-9]{6})\b/.exec(queued.subject!)![1]!;
    assert.ok((await outboxDump(stack)).includes(code), 'until it is sent the row holds the code, to send it');

    await stack.drain();
    assert.equal(stack.smtp.codeFor(email), code, 'the person got the code');
    assert.ok(!(await outboxDump(stack)).includes(code), 'the code appears nowhere in the outbox');
    const sent = await rowTo(stack, email);
    assert.deepEqual(
      [sent.status, sent.template, sent.subject, sent.text_body, sent.html_body],
      ['sent', 'verification-code', null, null, null],
    );
    assert.equal(sent.finished_at?.getTime(), stack.clock.ms);
    assert.equal((await client.post('/signup/code', { code })).status, 200, 'the code still works: the flow has it');
  });

  it('C6: a password-reset code and an invitation link are gone from the outbox once delivered', async () => {
    const email = await signUp(stack, stack.client());
    assert.equal((await stack.client().post('/password/forgot', { email })).status, 202);
    await stack.drain();
    const resetCode = stack.smtp.codeFor(email);

    const { organisationId, administrator } = await createOrganisationWithAdministrator(stack);
    const invitee = uniqueEmail('invitee');
    const invited = await administrator.client.post(`/organisations/${organisationId}/members`, {
      email: invitee,
      rights: ['register_for_meetings'],
    });
    assert.equal(invited.status, 201);
    const { token } = await invitationLink(stack, invitee);

    const dump = await outboxDump(stack);
    assert.ok(!dump.includes(resetCode), 'no reset code');
    assert.ok(!dump.includes(token), 'no invitation token');
    assert.equal((await rowTo(stack, invitee)).template, 'invitation', 'what was sent to whom is still there');
  });

  it('C6: an abandoned mail loses its content and keeps address, template, status, attempts and error', async () => {
    const email = uniqueEmail('abandoned');
    stack.smtp.failing = true;
    try {
      assert.equal((await stack.client().post('/signup/email', { email })).status, 202);
      const code = /\b([0-9]{6})\b/.exec((await rowTo(stack, email)).subject!)![1]!;
      await stack.drain();
      assert.equal((await rowTo(stack, email)).status, 'queued', 'after one failure it waits to be retried');
      assert.ok((await outboxDump(stack)).includes(code), 'a retry needs the content');
      stack.clock.advance(31);
      await stack.drain();

      const row = await rowTo(stack, email);
      assert.deepEqual(
        [row.to_address, row.template, row.status, row.attempts, row.subject, row.text_body, row.html_body],
        [email, 'verification-code', 'abandoned', 2, null, null, null],
      );
      assert.match(row.last_error!, /451/);
      assert.equal(row.finished_at?.getTime(), stack.clock.ms);
      assert.ok(!(await outboxDump(stack)).includes(code), 'the code appears nowhere in the outbox');
      assert.ok(stack.logs.some((line) => line.includes('"event":"mail_abandoned"')));
    } finally {
      stack.smtp.failing = false;
    }
  });

  it('F6: a mail whose sender died after the SMTP server took it is sent again in full', async () => {
    const email = uniqueEmail('twice');
    assert.equal((await stack.client().post('/signup/email', { email })).status, 202);
    await stack.drain();
    const code = stack.smtp.codeFor(email);
    // As if the worker died after the server accepted it but before the statement that marks it sent.
    const db = stack.server.context.db;
    const lost = await enqueueMail(
      db,
      { to: email, template: 'verification-code', lang: 'nl', data: { code, minutes: 10 } },
      stack.clock.now,
    );
    await db.query("UPDATE outbox SET status = 'sending', attempts = 1, claimed_until = $2 WHERE id = $1", [
      lost,
      stack.clock.now(),
    ]);
    stack.clock.advance(1);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 2);
    assert.equal(stack.smtp.codeFor(email), code, 'the second delivery carries the code, not an empty mail');
    assert.ok(!(await outboxDump(stack)).includes(code));
  });

  const db = () => stack.server.context.db;
  const statusOf = async (id: string) =>
    (await db().query<{ status: string }>('SELECT status FROM outbox WHERE id = $1', [id])).rows[0]?.status;

  /** A code mail delivered now (or, with the SMTP server refusing, tried twice and abandoned); returns its id. */
  async function finishedMail(refused = false): Promise<string> {
    const email = uniqueEmail('retention');
    stack.smtp.failing = refused;
    try {
      assert.equal((await stack.client().post('/signup/email', { email })).status, 202);
      await stack.drain();
      if (refused) {
        stack.clock.advance(31);
        await stack.drain();
      }
    } finally {
      stack.smtp.failing = false;
    }
    const row = await rowTo(stack, email);
    assert.equal(row.status, refused ? 'abandoned' : 'sent');
    return row.id;
  }

  /** A mail still to be sent: waiting for its retry (queued) or in a live claim (sending). */
  async function pendingMail(status: 'queued' | 'sending'): Promise<string> {
    const id = await enqueueMail(
      db(),
      { to: uniqueEmail('pending'), template: 'account-exists', lang: 'nl', data: { signInUrl: 'http://x.test' } },
      stack.clock.now,
    );
    // Due or claimed only far in the future, so no drain in this file sends it.
    const far = new Date(stack.clock.ms + 400 * DAY * 1000);
    await db().query(
      "UPDATE outbox SET status = $2, next_attempt_at = $3, claimed_until = CASE WHEN $2 = 'sending' THEN $3::timestamptz END WHERE id = $1",
      [id, status, far],
    );
    return id;
  }

  it('deletes sent and abandoned mails OUTBOX_RETENTION after they finished, never queued or sending ones', async () => {
    const abandoned = await finishedMail(true);
    const sent = await finishedMail();
    const queued = await pendingMail('queued');
    const sending = await pendingMail('sending');

    stack.clock.advance(7 * DAY - 1);
    const recent = await finishedMail();
    await stack.server.cleanup.run();
    for (const id of [sent, abandoned, queued, sending, recent]) assert.ok(await statusOf(id), 'all within a week');

    stack.clock.advance(1);
    const counts = await stack.server.cleanup.run();
    assert.ok(counts.outbox >= 2, 'these two, and the older mails of the tests before');
    assert.equal(await statusOf(sent), undefined, 'sent a week ago: gone');
    assert.equal(await statusOf(abandoned), undefined, 'abandoned a week ago: gone');
    assert.equal(await statusOf(queued), 'queued', 'still to be sent, however old');
    assert.equal(await statusOf(sending), 'sending');
    assert.equal(await statusOf(recent), 'sent', 'finished a second later: stays');
    assert.ok(stack.logs.some((line) => line.includes('"event":"cleanup_done"') && line.includes('"outbox":')));

    stack.clock.advance(400 * DAY);
    await stack.server.cleanup.run();
    assert.equal(await statusOf(recent), undefined);
    assert.equal(await statusOf(queued), 'queued');
    assert.equal(await statusOf(sending), 'sending');
  });
});

eachBackend('dev mailbox keeps its mails', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { env: { SMTP_URL: '' }, cleanup: false });
  });
  after(async () => {
    await stack?.close();
  });

  it('without SMTP_URL the code stays readable in GET /api/dev/mailbox, and the newcomer goes on with it', async () => {
    const client = stack.client();
    const email = uniqueEmail('newcomer');
    assert.equal((await client.post('/signup/email', { email })).status, 202);
    await stack.drain();
    const mailbox = await stack.client().get('/api/dev/mailbox');
    const mail = (mailbox.body.mails as { to: string; subject: string; text: string; status: string }[]).find(
      (entry) => entry.to === email,
    )!;
    assert.equal(mail.status, 'sent');
    const code = /\b([0-9]{6})\b/.exec(mail.subject)![1]!;
    assert.ok(mail.text.includes(code), 'the body shows the code too');
    const page = await stack.client().get('/api/dev/mailbox.html');
    assert.ok(page.text.includes(code), 'and so does the page');
    assert.equal((await client.post('/signup/code', { code })).status, 200);
  });
});

eachBackend('outbox migration 0430', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  before(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  after(async () => {
    await close?.();
  });

  it('C6: a database from before erases its abandoned mails and dates every finished one for the clean-up', async () => {
    const all = readMigrations();
    const before = all.filter((migration) => migration.version < '0430');
    assert.ok(before.length < all.length, 'the migration under test exists');
    await migrate(db, before);
    const at = (iso: string) => new Date(iso);
    const insert = (id: string, status: string, sentAt: Date | null, deliveredBy: string | null) =>
      db.query(
        `INSERT INTO outbox (id, to_address, template, lang, subject, text_body, html_body, status, attempts,
           next_attempt_at, created_at, sent_at, delivered_by)
         VALUES ($1, 'old@example.test', 'verification-code', 'nl', 'Je verificatiecode: 246810', 'code 246810',
           '<p>246810</p>', $2, 1, '2026-01-01T10:00:00Z', '2026-01-01T09:00:00Z', $3, $4)`,
        [id, status, sentAt, deliveredBy],
      );
    const ids = {
      abandoned: '00000000-0000-4000-8000-000000000001',
      mailbox: '00000000-0000-4000-8000-000000000002',
      queued: '00000000-0000-4000-8000-000000000003',
    };
    await insert(ids.abandoned, 'abandoned', null, null);
    await insert(ids.mailbox, 'sent', at('2026-01-01T09:00:05Z'), 'mailbox');
    await insert(ids.queued, 'queued', null, null);

    assert.deepEqual(
      await migrate(db),
      all.slice(before.length).map((migration) => migration.version),
    );
    const { rows } = await db.query<{ id: string; finished_at: Date | null; text_body: string | null }>(
      'SELECT id, finished_at, text_body FROM outbox ORDER BY id',
    );
    assert.deepEqual(rows, [
      { id: ids.abandoned, finished_at: at('2026-01-01T10:00:00Z'), text_body: null },
      { id: ids.mailbox, finished_at: at('2026-01-01T09:00:05Z'), text_body: 'code 246810' },
      { id: ids.queued, finished_at: null, text_body: 'code 246810' },
    ]);
  });
});
