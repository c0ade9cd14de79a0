import { randomUUID } from 'node:crypto';
import type { Language } from '@wij-techniek/onboarding-contract';
import type { Clock } from '../clock.js';
import type { Queryable } from '../store/database.js';
import { renderMail, type MailTemplateName, type MailTemplates } from './templates/index.js';

/** A mail to send: the template, its data and the language of the recipient. */
export interface MailRequest<T extends MailTemplateName = MailTemplateName> {
  readonly to: string;
  readonly template: T;
  readonly lang: Language;
  readonly data: MailTemplates[T];
}

/**
 * Puts a mail in the outbox. Pass the transaction that makes the change the mail reports, so both commit or
 * neither does (SECURITY.md F6); a worker on some instance sends it soon after. Returns the outbox row id.
 */
export async function enqueueMail<T extends MailTemplateName>(
  db: Queryable,
  mail: MailRequest<T>,
  clock: Clock = () => new Date(),
): Promise<string> {
  const rendered = renderMail(mail.template, mail.data, mail.lang);
  const id = randomUUID();
  const now = clock();
  await db.query(
    `INSERT INTO outbox (id, to_address, template, lang, subject, text_body, html_body, status, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $8, $8)`,
    [id, mail.to, mail.template, mail.lang, rendered.subject, rendered.text, rendered.html, now],
  );
  return id;
}
