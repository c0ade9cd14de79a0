import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** What a graceful close found: how many requests were still unanswered when the grace period ended. */
export interface DrainOutcome {
  /** Requests whose connection was closed before their answer was sent (0 when everything finished in time). */
  readonly cut: number;
}

/** The `fetch` handler `@hono/node-server` calls for every request. */
type FetchHandler = (request: Request, ...rest: never[]) => Response | Promise<Response>;

/** How a drain period ended: its time was over, or {@link GracefulHttp.endDrain} cut it short (a second signal). */
export type DrainEnd = 'elapsed' | 'ended';

/**
 * Lets an HTTP server stop without dropping the requests it is serving (SIGTERM during a rolling deploy), in two
 * phases.
 *
 * From {@link GracefulHttp.drain} on (the drain period, `SHUTDOWN_DRAIN`), the server still accepts connections and
 * serves every request as usual, because a load balancer keeps sending some for a few seconds after the signal:
 *
 * - `/readyz` answers 503 at once, so the balancer takes the instance out of its pool;
 * - every answer carries `Connection: close`, so clients open their next request on a new connection, which the
 *   balancer gives to another instance once it has seen the 503, and few keep-alive connections are left to cut.
 *
 * From {@link GracefulHttp.close} on:
 *
 * - the listening socket closes (no new connections; a load balancer's next connection is refused) and idle
 *   keep-alive connections are closed;
 * - `/readyz` answers 503 on any connection that is still open, so a balancer that checks over one drains too;
 * - every answer still to be sent carries `Connection: close`, so its connection ends with it instead of idling
 *   in keep-alive until the grace period is over;
 * - requests in flight are answered as usual, with the database still open, for up to the grace period; what is
 *   still running then has its connection closed.
 *
 * The caller closes the database only after `close()` resolved.
 */
export class GracefulHttp {
  /** True from the start of the drain (or of the close, without one): `/readyz` 503, `Connection: close`. */
  #stopping = false;
  /** Ends the drain period early; set while {@link drain} waits. */
  #endDrain: (() => void) | undefined;
  /** Calls of the app's fetch that have not settled: handlers that may still use the database. */
  #handlers = 0;
  /** Answers not yet fully sent, for `Connection: close` and to count what a forced close cuts. */
  readonly #responses = new Set<ServerResponse>();
  /** Woken whenever a handler settles or an answer ends, while closing. */
  #wake: (() => void) | undefined;
  #server: Server | undefined;

  /** True while {@link drain} waits: the server still accepts connections but says it is not ready. */
  get draining(): boolean {
    return this.#endDrain !== undefined;
  }

  /** Requests whose answer has not been fully sent. */
  get inFlight(): number {
    return this.#responses.size;
  }

  /**
   * `fetch` counted, with `/readyz` answering 503 `{"status":"stopping"}` once stopping (the app's own `/readyz`
   * would still find the database and say ready).
   */
  wrap<F extends FetchHandler>(fetch: F): F {
    const wrapped = async (request: Request, ...rest: never[]): Promise<Response> => {
      if (this.#stopping && new URL(request.url).pathname === '/readyz') {
        return Response.json({ status: 'stopping' }, { status: 503, headers: { 'cache-control': 'no-store' } });
      }
      this.#handlers++;
      try {
        return await fetch(request, ...rest);
      } finally {
        this.#handlers--;
        this.#wake?.();
      }
    };
    return wrapped as F;
  }

  /** Watches the requests of `server` (call once, right after it was created). */
  attach(server: Server): void {
    this.#server = server;
    server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
      this.#responses.add(response);
      if (this.#stopping) response.setHeader('connection', 'close');
      response.once('close', () => {
        this.#responses.delete(response);
        this.#wake?.();
      });
    });
  }

  /**
   * Starts the drain period: `/readyz` answers 503 and answers carry `Connection: close` from now on, while new
   * connections are still accepted and served. Resolves after `drainMs`, or sooner when {@link endDrain} is called.
   */
  async drain(drainMs: number): Promise<DrainEnd> {
    this.#beginStopping();
    if (drainMs <= 0) return 'elapsed';
    return new Promise<DrainEnd>((resolve) => {
      // Not draining any more from this moment on, not only once the caller's await resumes.
      const finish = (end: DrainEnd) => {
        this.#endDrain = undefined;
        clearTimeout(timer);
        resolve(end);
      };
      const timer = setTimeout(() => finish('elapsed'), drainMs);
      this.#endDrain = () => finish('ended');
    });
  }

  /** Ends a running drain period now (a second SIGTERM); does nothing when none runs. */
  endDrain(): void {
    this.#endDrain?.();
  }

  /** Readiness fails and answers still to be sent close their connection. */
  #beginStopping(): void {
    this.#stopping = true;
    for (const response of this.#responses) {
      if (!response.headersSent) response.setHeader('connection', 'close');
    }
  }

  /**
   * Stops accepting, lets requests in flight finish for up to `graceMs`, then closes every connection that is
   * left. Resolves when the server has no connection any more and no handler runs (or the grace period is over).
   */
  async close(graceMs: number): Promise<DrainOutcome> {
    const server = this.#server;
    this.endDrain();
    this.#beginStopping();
    if (!server) return { cut: 0 };
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();

    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'over'>((resolve) => {
      timer = setTimeout(() => resolve('over'), graceMs);
    });
    const finished = (async () => {
      while (this.#handlers > 0 || this.#responses.size > 0) {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
      this.#wake = undefined;
      // An answer whose headers had gone out before the close began kept its connection alive: it is idle now.
      setImmediate(() => server.closeIdleConnections());
      await closed;
      return 'finished' as const;
    })();
    const outcome = await Promise.race([finished, graceOver]);
    clearTimeout(timer);
    if (outcome === 'finished') return { cut: 0 };

    const cut = this.#responses.size;
    server.closeAllConnections();
    await closed;
    this.#wake?.();
    return { cut };
  }
}
