import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { problem } from '../problems.js';
import { ANTI_AUTOMATION_HEADER } from '../security/anti-automation.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins allowed to call the API with credentials: `ALLOWED_ORIGINS` and `PUBLIC_URL`'s own. */
export function allowedOrigins(config: Pick<Config, 'allowedOrigins' | 'publicOrigin'>): Set<string> {
  return new Set([...config.allowedOrigins, config.publicOrigin]);
}

/**
 * CSRF protection for every state-changing request (SECURITY.md S6), without a token in the body:
 * - `Sec-Fetch-Site: cross-site` is refused;
 * - an `Origin` header must be on the allow-list (`null` never is);
 * - the body must be `application/json`, which no HTML form can send and which makes a cross-origin `fetch` ask
 *   permission first (CORS preflight), so a foreign page cannot even deliver the request.
 * A request with neither `Origin` nor `Sec-Fetch-Site` comes from a non-browser client (every supported browser
 * sends `Origin` on a POST), which cannot carry a victim's cookie; it passes the origin check.
 */
export function originCheck(config: Config, logger: Logger): MiddlewareHandler {
  const allowed = allowedOrigins(config);
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if (site === 'cross-site' || (origin !== undefined && !allowed.has(origin))) {
      logger.warn('origin_refused', {
        method: c.req.method,
        path: c.req.path,
        origin: origin ?? null,
        site: site ?? null,
      });
      throw problem('origin_not_allowed');
    }
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') throw problem('unsupported_media_type');
    return next();
  };
}

/**
 * CORS for the allow-listed origins only, with credentials (SECURITY.md W6): any other origin, and `Origin: null`,
 * gets no `Access-Control-Allow-*` header at all, so the browser keeps the answer from the page.
 */
export function cors(config: Config): MiddlewareHandler {
  const allowed = allowedOrigins(config);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      const headers: Record<string, string> = { Vary: 'Origin' };
      if (origin !== undefined && ok) {
        headers['Access-Control-Allow-Origin'] = origin;
        headers['Access-Control-Allow-Credentials'] = 'true';
        headers['Access-Control-Allow-Methods'] = 'GET, POST, PATCH, DELETE';
        headers['Access-Control-Allow-Headers'] = `Content-Type, ${ANTI_AUTOMATION_HEADER}`;
        headers['Access-Control-Max-Age'] = '600';
      }
      return c.body(null, 204, headers);
    }
    await next();
    c.res.headers.append('Vary', 'Origin');
    if (origin !== undefined && ok) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Allow-Credentials', 'true');
      // A page on another origin may read the request id, so a support report can quote it.
      c.res.headers.set('Access-Control-Expose-Headers', 'Retry-After, X-Request-Id');
    }
    return undefined;
  };
}
