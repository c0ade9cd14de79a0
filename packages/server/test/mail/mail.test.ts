import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LANGUAGES, type Language } from '@wij-techniek/onboarding-contract';
import { enqueueMail, renderMail, type MailTemplateName, type MailTemplates } from '../../src/index.ts';
import { DATABASE_URL, eachBackend, PG_SKIP, startStack, uniqueEmail, type TestStack } from '../helpers/harness.ts';

const SAMPLES: { [T in MailTemplateName]: MailTemplates[T] } = {
  'verification-code': { code: '012345', minutes: 10 },
  'password-code': { code: '012345', minutes: 10 },
  'account-exists': { signInUrl: 'https://www.wij-techniek.nl/account' },
  'password-no-account': { signUpUrl: 'https://www.wij-techniek.nl/account' },
  'password-changed': { firstName: '<b>Anna</b>', resetUrl: 'https://www.wij-techniek.nl/account' },
  'administrator-added': {
    organisationName: 'Bouw & Zonen',
    kvkNumber: '12345678',
    administratorName: 'Piet de Vries',
    administratorEmail: 'piet@example.test',
    manageUrl: 'https://www.wij-techniek.nl/account',
  },
  invitation: {
    organisationName: 'Bouw & Zonen',
    inviterName: 'Anna Jansen',
    acceptUrl: 'https://www.wij-techniek.nl/account?invitation=abc',
    expiresAt: '2026-03-09T09:00:00.000Z',
    rights: ['submit_expense_claims'],
  },
};

describe('mail templates', () => {
  it('every template renders in Dutch and English, text and HTML, with values escaped in the HTML', () => {
    for (const template of Object.keys(SAMPLES) as MailTemplateName[]) {
      for (const lang of LANGUAGES) {
        const mail = renderMail(template, SAMPLES[template] as never, lang);
        assert.ok(mail.subject.length > 0 && mail.text.length > 0, `${template} ${lang}`);
        assert.match(mail.html, new RegExp(`<html lang="${lang}">`));
        assert.doesNotMatch(mail.html, /<b>Anna<\/b>/);
      }
    }
    assert.equal(
      renderMail('verification-code', SAMPLES['verification-code'], 'nl').subject,
      'Je verificatiecode: 012345',
    );
    assert.equal(
      renderMail('verification-code', SAMPLES['verification-code'], 'en').subject,
      'Your verification code: 012345',
    );
    assert.match(renderMail('invitation', SAMPLES.invitation, 'nl').text, /declaraties indienen/);
  });

  it('the sign-up and the password-reset code mails tell themselves apart in the inbox, each with its code', () => {
    const subjects = (lang: Language) => ({
      signUp: renderMail('verification-code', { code: '012345', minutes: 30 }, lang).subject,
      reset: renderMail('password-code', { code: '543210', minutes: 30 }, lang).subject,
    });
    assert.deepEqual(subjects('nl'), {
      signUp: 'Je verificatiecode: 012345',
      reset: 'Je code voor een nieuw wachtwoord: 543210',
    });
    assert.deepEqual(subjects('en'), {
      signUp: 'Your verification code: 012345',
      reset: 'Your code for a new password: 543210',
    });
  });

  it('both code mails say that a newer code replaces this one (a resend voids the older codes)', () => {
    for (const template of ['verification-code', 'password-code'] as const) {
      const nl = renderMail(template, SAMPLES[template], 'nl');
      const en = renderMail(template, SAMPLES[template], 'en');
      assert.match(nl.text, /\nVraag je een nieuwe code aan, dan geldt alleen de nieuwste\.\n/, `${template} nl`);
      assert.match(en.text, /\nIf you ask for a new code, only the newest one works\.\n/, `${template} en`);
      assert.match(nl.html, /Vraag je een nieuwe code aan, dan geldt alleen de nieuwste\./, `${template} nl html`);
    }
  });
});

eachBackend('F6 outbox', (backend) => {
  let stack: TestStack;
  before(async () => {
    stack = await startStack(backend, { outbox: { maxAttempts: 3, backoffSeconds: 30 } });
  });
  after(async () => {
    await stack?.close();
  });

  it('F6: with the SMTP server down sign-up still answers 202; after it returns the mail is delivered', async () => {
    const port = stack.smtp.port;
    await stack.smtp.stop();
    const email = uniqueEmail();
    const answer = await stack.client().post('/signup/email', { email });
    assert.equal(answer.status, 202);
    await stack.drain();
    const { rows } = await stack.server.context.db.query<{ status: string; attempts: number; last_error: string }>(
      'SELECT status, attempts, last_error FROM outbox WHERE to_address = $1',
      [email],
    );
    assert.equal(rows[0]!.status, 'queued');
    assert.equal(rows[0]!.attempts, 1);
    assert.ok(rows[0]!.last_error.length > 0);
    assert.ok(stack.logs.some((line) => line.includes('"event":"mail_failed"')));
    await stack.smtp.start(port);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 0, 'the retry waits for its backoff');
    stack.clock.advance(31);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 1);
  });

  it('F6: after the last try a mail is abandoned and logged', async () => {
    stack.smtp.failing = true;
    const email = uniqueEmail();
    await stack.client().post('/signup/email', { email });
    for (let i = 0; i < 4; i++) {
      await stack.drain();
      stack.clock.advance(3600);
    }
    stack.smtp.failing = false;
    const { rows } = await stack.server.context.db.query<{ status: string; attempts: number }>(
      'SELECT status, attempts FROM outbox WHERE to_address = $1',
      [email],
    );
    assert.deepEqual(rows[0], { status: 'abandoned', attempts: 3 });
    assert.ok(stack.logs.some((line) => line.includes('"event":"mail_abandoned"')));
  });

  it('F6: a mail whose sender died mid-send (claim lapsed) is sent again', async () => {
    const email = uniqueEmail();
    const db = stack.server.context.db;
    await enqueueMail(
      db,
      { to: email, template: 'account-exists', lang: 'nl', data: { signInUrl: 'http://x.test' } },
      stack.clock.now,
    );
    await db.query("UPDATE outbox SET status = 'sending', attempts = 1, claimed_until = $2 WHERE to_address = $1", [
      email,
      stack.clock.now(),
    ]);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 0, 'the claim still holds');
    stack.clock.advance(1);
    await stack.drain();
    assert.equal(stack.smtp.to(email).length, 1);
  });
});

describe('F6 outbox on two instances', { skip: DATABASE_URL ? false : PG_SKIP }, () => {
  let one: TestStack;
  let two: TestStack;
  before(async () => {
    one = await startStack('postgres');
    two = await startStack('postgres', { schema: one.schema!, smtp: one.smtp, clock: one.clock });
  });
  after(async () => {
    await two?.close();
    await one?.close();
  });

  it('F6: two workers draining at once never send a mail twice', async () => {
    const addresses = Array.from({ length: 40 }, () => uniqueEmail('twice'));
    await one.server.context.db.transaction(async (tx) => {
      for (const to of addresses) {
        await enqueueMail(
          tx,
          { to, template: 'account-exists', lang: 'en', data: { signInUrl: 'http://x.test' } },
          one.clock.now,
        );
      }
    });
    await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
    for (const to of addresses) assert.equal(one.smtp.to(to).length, 1, to);
  });
});
