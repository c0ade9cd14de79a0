import type { Config } from '../config.js';

/** A message as handed to a transport. */
export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** How the outbox worker delivers: over SMTP, or into the dev mailbox (the outbox rows themselves). */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP transport on `SMTP_URL`, sending as `MAIL_FROM`. */
export async function smtpTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Promise<MailTransport> {
  const { default: nodemailer } = await import('nodemailer');
  const transporter = nodemailer.createTransport({
    url: config.smtpUrl,
    // A mail server that hangs must not hold a worker: the outbox retries later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    close: () => transporter.close(),
  };
}

/** The dev mailbox: delivery is marking the row; `GET /api/dev/mailbox` shows it. Never in production. */
export function mailboxTransport(): MailTransport {
  return { kind: 'mailbox', send: async () => {}, close: () => {} };
}
