import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on 127.0.0.1 that can hold a message in its DATA phase: it reads the whole message and then
 * does not answer, as a mail server does while the sender is killed. Every complete DATA is counted — a held one
 * too, since a real server may have kept it although the sender never saw the "250 OK".
 */
export class HoldingSmtp {
  /** Recipients of every complete DATA phase, in order (held ones included). */
  readonly deliveries: string[][] = [];
  /** Hold the next message instead of answering. */
  holdNext = false;
  port = 0;
  #server: SMTPServer | undefined;
  #onHeld: (() => void) | undefined;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          this.deliveries.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          if (this.holdNext) {
            this.holdNext = false;
            this.#onHeld?.();
            return; // never answered: the sender waits for "250" until it dies
          }
          callback();
        });
      },
    });
    server.on('error', () => {}); // the killed sender's socket resets; that is the point
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  /** Resolves when a message is being held. */
  held(): Promise<void> {
    return new Promise((resolve) => (this.#onHeld = resolve));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Complete DATA phases for `address`. */
  count(address: string): number {
    return this.deliveries.filter((to) => to.includes(address)).length;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
