import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
// One decoder of what nodemailer writes, shared with the server's own mail tests.
import { parseMail } from '../../../packages/server/test/helpers/smtp-sink.ts';

/** One mail as the person would read it: who it went to, its subject, and its plain text. */
export interface Mail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** How long a test waits for a mail before it says which mails did arrive. */
const MAIL_TIMEOUT_MS = 30_000;

/**
 * A real SMTP server on 127.0.0.1 (port 0) that the server under test sends its mail to, read the way a person
 * reads their inbox: "the next mail to this address". Each address has a read cursor, so a test never mistakes
 * an older code for the one it just asked for (Hanko's MailSlurper helper, without its fixed sleeps).
 */
export class Mailbox {
  readonly #mails: Mail[] = [];
  readonly #read = new Map<string, number>();
  readonly #waiters = new Set<() => void>();
  #server: SMTPServer | undefined;
  #port = 0;

  /** Starts listening on a free loopback port. */
  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
          this.#mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          for (const wake of this.#waiters) wake();
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** The server's `SMTP_URL`. */
  get url(): string {
    return `smtp://127.0.0.1:${this.#port}`;
  }

  /** Every mail to `address` so far, oldest first. */
  all(address: string): Mail[] {
    const to = address.toLowerCase();
    return this.#mails.filter((mail) => mail.to.includes(to));
  }

  /** Waits for the next unread mail to `address` and marks it read. */
  async next(address: string, timeoutMs = MAIL_TIMEOUT_MS): Promise<Mail> {
    const to = address.toLowerCase();
    const cursor = this.#read.get(to) ?? 0;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.all(to)[cursor];
      if (mail) {
        this.#read.set(to, cursor + 1);
        return mail;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const subjects = this.all(to).map((m) => m.subject);
        throw new Error(
          `no new mail to ${address} within ${timeoutMs} ms (received: ${subjects.join(' | ') || 'none'})`,
        );
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.#waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.#waiters.add(wake);
      });
    }
  }

  /** Waits for the next mail to `address` and returns the six-digit code in it. */
  async nextCode(address: string): Promise<string> {
    const mail = await this.next(address);
    const code = /\b([0-9]{6})\b/.exec(mail.subject)?.[1] ?? /\b([0-9]{6})\b/.exec(mail.text)?.[1];
    if (!code) throw new Error(`the mail "${mail.subject}" to ${address} holds no six-digit code`);
    return code;
  }

  /** Waits for the next mail to `address` and returns the first link in it that starts with `prefix`. */
  async nextLink(address: string, prefix: string): Promise<{ mail: Mail; link: string }> {
    const mail = await this.next(address);
    const link = [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"'<>]+/g)]
      .map((match) => match[0].replaceAll('&amp;', '&'))
      .find((href) => href.startsWith(prefix));
    if (!link) throw new Error(`the mail "${mail.subject}" to ${address} has no link starting with ${prefix}`);
    return { mail, link };
  }

  /** Stops listening. */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
