import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message the sink received, decoded enough for assertions. */
export interface ReceivedMail {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly raw: string;
}

function decodeWords(value: string): string {
  // Adjacent encoded words are one text (RFC 2047 §6.2): the white space between them is not part of it.
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  const input = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '=' && /^[0-9A-F]{2}$/i.test(input.slice(i + 1, i + 3))) {
      bytes.push(parseInt(input.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(input[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHead(part: string): [Record<string, string>, string] {
  const index = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, index).replace(/\r?\n[ \t]+/g, ' ');
  const body = part.slice(index).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return [headers, body];
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** Parses a message as nodemailer writes it (multipart/alternative with text and HTML). */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const [headers, body] = splitHead(raw);
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const part of parts) {
    const [partHeaders, partBody] = splitHead(part.replace(/^\r?\n/, ''));
    const type = partHeaders['content-type'] ?? 'text/plain';
    const decoded = decodeBody(partHeaders, partBody).trim();
    if (type.startsWith('text/html')) html = decoded;
    else if (type.startsWith('text/plain')) text = decoded;
  }
  return { to, subject: decodeWords(headers.subject ?? ''), text, html, raw };
}

/** A real SMTP server on 127.0.0.1 (port 0) that keeps what it receives; it can be stopped and restarted. */
export class SmtpSink {
  readonly mails: ReceivedMail[] = [];
  port = 0;
  #server: SMTPServer | undefined;
  /** When true, every message is refused with a temporary error. */
  failing = false;

  async start(port = 0): Promise<this> {
    this.#server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failing) {
            callback(Object.assign(new Error('451 try again later'), { responseCode: 451 }));
            return;
          }
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          this.mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
          callback();
        });
      },
    });
    const server = this.#server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `smtp://127.0.0.1:<port>` */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Mails to `address`, oldest first. */
  to(address: string): ReceivedMail[] {
    return this.mails.filter((mail) => mail.to.includes(address));
  }

  /** The six-digit code in the subject of the newest mail to `address`. */
  codeFor(address: string): string {
    const mails = this.to(address);
    const subject = mails[mails.length - 1]?.subject ?? '';
    const code = /\b([0-9]{6})\b/.exec(subject)?.[1];
    if (!code) throw new Error(`no code mailed to ${address}; subjects: ${mails.map((m) => m.subject).join(' | ')}`);
    return code;
  }
}
