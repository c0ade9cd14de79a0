import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay on 127.0.0.1 in front of a real server (PostgreSQL) that can turn into a black hole: it keeps
 * accepting connections, and neither new nor open ones get another byte through — a database host that hangs,
 * a firewall that drops packets, a half-dead load balancer. `restore()` lets new connections through again.
 */
export class TcpBlackhole {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<Socket>();
  readonly #pairs = new Set<readonly [Socket, Socket]>();
  #server: Server | undefined;
  #swallowing = false;
  port = 0;

  constructor(target: { host: string; port: number }) {
    this.#target = target;
  }

  /** Starts relaying on a free port of 127.0.0.1. */
  async start(): Promise<this> {
    const server = createServer((socket) => this.#accept(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.#server = server;
    return this;
  }

  /** From now on nothing passes, in either direction, on open connections or new ones. */
  swallow(): void {
    this.#swallowing = true;
    for (const [client, upstream] of this.#pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
    this.#pairs.clear();
  }

  /** New connections are relayed again (the swallowed ones stay silent until their clients give up). */
  restore(): void {
    this.#swallowing = false;
  }

  /** Closes every connection and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    const server = this.#server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => this.#sockets.delete(socket));
  }

  #accept(client: Socket): void {
    this.#track(client);
    if (this.#swallowing) {
      client.pause();
      return;
    }
    const upstream = connect(this.#target.port, this.#target.host);
    this.#track(upstream);
    const pair = [client, upstream] as const;
    this.#pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const forget = () => {
      this.#pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget);
    upstream.on('close', forget);
  }
}
