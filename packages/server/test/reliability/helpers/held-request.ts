import { connect } from 'node:net';
import { TEST_ORIGIN } from '../../helpers/client.ts';

/** An answer read off the wire: status, headers (names in lower case) and the raw body. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A request the server has received but cannot finish yet: the test sends the rest when it likes. */
export interface HeldRequest {
  /**
   * Sends the rest of the body and resolves with the answer once the server closed the connection; rejects when
   * the connection failed or ended without a whole answer.
   */
  finish(): Promise<RawAnswer>;
}

/**
 * A JSON `POST` to `path` whose headers are complete but whose body is only half sent: the server counts it as a
 * request in flight (its handler waits for the body) for as long as the test holds it, whatever runs on the
 * machine, so a shutdown test depends on no timing. It comes from `clientIp` through the trusted loopback proxy.
 */
export async function heldPost(url: string, path: string, body: unknown, clientIp: string): Promise<HeldRequest> {
  const { hostname, port } = new URL(url);
  const payload = Buffer.from(JSON.stringify(body));
  const half = Math.floor(payload.length / 2);
  const socket = connect(Number(port), hostname);
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  // Kept for finish(), not thrown now: a server that dies while the test holds the request resets the connection
  // before the test asks for the answer, and that must not be an unhandled rejection.
  let failure: Error | undefined;
  socket.on('error', (error) => (failure ??= error));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    [
      `POST ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      `Origin: ${TEST_ORIGIN}`,
      'Content-Type: application/json',
      `Content-Length: ${payload.length}`,
      `X-Forwarded-For: ${clientIp}`,
      '',
      '',
    ].join('\r\n'),
  );
  socket.write(payload.subarray(0, half));
  return {
    async finish() {
      if (!socket.destroyed) socket.write(payload.subarray(half));
      await ended;
      if (failure) throw failure;
      return parse(received);
    },
  };
}

/** An HTTP/1.1 answer as text → status, headers and body (the server answered with `Connection: close`). */
function parse(raw: string): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error(`no complete answer: ${JSON.stringify(raw)}`);
  const [statusLine = '', ...lines] = raw.slice(0, split).split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1];
  if (!status) throw new Error(`not an HTTP answer: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(status), headers, body: raw.slice(split + 4) };
}
