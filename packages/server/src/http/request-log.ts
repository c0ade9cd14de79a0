import { randomUUID } from 'node:crypto';
import { PROBLEM_MEDIA_TYPE } from '@wij-techniek/onboarding-contract';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.js';
import { withLogScope, type Logger } from '../logger.js';

/** The header that carries the request id, both ways. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/**
 * An incoming id we keep: a short token of letters, digits, `.`, `_` and `-` (a UUID, a load balancer's trace
 * id). Anything else — longer, with spaces, quotes or control characters — is replaced, so a client cannot put
 * text of its choosing into the logs or the answer.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Longest path written to the access log; the rest of a longer (made-up) path is cut. */
const MAX_LOGGED_PATH = 256;

/** The request's id: the caller's `X-Request-Id` when it is a short safe token, else a new UUID. */
export function requestIdOf(incoming: string | undefined): string {
  return incoming !== undefined && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Gives every request an id, returned in `X-Request-Id` and carried by every log record written while the
 * request is served (through {@link withLogScope}), and writes one `http_request` record per request: method,
 * path (never the query string, which may carry a code or state), status, duration in milliseconds. A 5xx
 * problem answer carries the id as its `instance`, so a person's report leads to the log lines.
 *
 * Mount it first, so the status it logs and the header it adds are those of the final answer.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = requestIdOf(c.req.header(REQUEST_ID_HEADER));
    const started = performance.now();
    await withLogScope({ requestId }, async () => {
      await next();
      if (c.res.status >= 500) await nameInstance(c, requestId);
      c.res.headers.set(REQUEST_ID_HEADER, requestId);
      logger.info('http_request', {
        method: c.req.method,
        path: c.req.path.slice(0, MAX_LOGGED_PATH),
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
      });
    });
  };
}

/**
 * Sets `instance` (RFC 9457: an opaque reference to this occurrence of the problem) of a problem answer to the
 * request id, unless the answer already names one. The id holds no `:` or `/`, so it is a valid URI reference.
 */
async function nameInstance(c: Context<AppEnv>, requestId: string): Promise<void> {
  if (!c.res.headers.get('content-type')?.startsWith(PROBLEM_MEDIA_TYPE)) return;
  const body = (await c.res.clone().json()) as Record<string, unknown>;
  if (body.instance !== undefined) return;
  // Hono copies the old answer's headers onto the new one; a length would no longer be right.
  c.res.headers.delete('content-length');
  c.res = new Response(JSON.stringify({ ...body, instance: requestId }), {
    status: c.res.status,
    headers: c.res.headers,
  });
}
