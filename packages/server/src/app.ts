import { API_PREFIX } from '@wij-techniek/onboarding-contract';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppContext, AppEnv } from './context.js';
import { MAX_BODY_BYTES } from './http/body.js';
import { cors, originCheck } from './http/origin.js';
import { requestLog } from './http/request-log.js';
import { problem, ProblemError } from './problems.js';
import { configRoutes } from './routes/config.js';
import { registerDevMailbox } from './routes/dev-mailbox.js';
import { eherkenningRoutes } from './routes/eherkenning.js';
import { invitationRoutes } from './routes/invitations.js';
import { organisationRoutes } from './routes/organisations.js';
import { registerHealth } from './routes/health.js';
import { loginRoutes } from './routes/login.js';
import { passwordRoutes } from './routes/password.js';
import type { RouteModule } from './routes/route-module.js';
import { sessionRoutes } from './routes/session.js';
import { signupRoutes } from './routes/signup.js';
import { securityHeaders } from './security/headers.js';
import { isDatabaseUnavailable } from './store/database.js';

/** Every area of the API, registered under `/api/v1` in this order. Add a module here to add its routes. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  configRoutes,
  signupRoutes,
  loginRoutes,
  passwordRoutes,
  sessionRoutes,
  eherkenningRoutes,
  organisationRoutes,
  invitationRoutes,
];

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Serve the dev mailbox (never in production). */
  readonly devMailbox: boolean;
  /** Route modules added after {@link ROUTE_MODULES}. */
  readonly routes?: readonly RouteModule[];
}

// `/organisations/:organisationId` → a pattern for the 405 check.
function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\?:[A-Za-z0-9_]+/g, '[^/]+');
  return new RegExp(`^${source.replace(/\\\*/g, '.*')}/?$`);
}

/**
 * The HTTP app: security headers and CORS on everything, origin and media-type checks on every state-changing
 * request, a body cap before parsing, sessions on the API, the route modules, and problem details for every
 * error (never a stack trace), including unknown paths (404) and wrong methods (405).
 */
export function createApp(ctx: AppContext, options: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const headers = securityHeaders(ctx.config);

  // First, so every later step logs with the request id and the access log sees the final answer.
  app.use('*', requestLog(ctx.logger));
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
    for (const [name, value] of Object.entries(headers)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
  });
  app.use('/api/*', cors(ctx.config));
  app.use('*', originCheck(ctx.config, ctx.logger));
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        // The rest of the body is never read: close the connection so no client reuses a half-read socket.
        throw problem('payload_too_large', { headers: { Connection: 'close' } });
      },
    }),
  );
  app.use(`${API_PREFIX}/*`, ctx.sessions.middleware());

  const api = new Hono<AppEnv>();
  for (const module of [...ROUTE_MODULES, ...(options.routes ?? [])]) module.register(api, ctx);
  app.route(API_PREFIX, api);
  registerHealth(app, ctx);
  if (options.devMailbox) registerDevMailbox(app, ctx);

  app.notFound((c) => {
    const path = c.req.path;
    const methods = new Set(
      app.routes
        .filter((route) => route.method !== 'ALL' && !route.path.endsWith('*') && pathPattern(route.path).test(path))
        .map((route) => route.method),
    );
    if (methods.size > 0) {
      if (methods.has('GET')) methods.add('HEAD');
      return problem('method_not_allowed', { headers: { Allow: [...methods].join(', ') } }).toResponse();
    }
    return problem('not_found').toResponse();
  });

  app.onError((error, c) => {
    if (error instanceof ProblemError) return error.toResponse();
    if (isDatabaseUnavailable(error)) {
      ctx.logger.error('database_unavailable', { method: c.req.method, path: c.req.path, error: describe(error) });
      return problem('service_unavailable', { retryAfterSeconds: 30 }).toResponse();
    }
    ctx.logger.error('request_failed', {
      method: c.req.method,
      path: c.req.path,
      error: describe(error),
    });
    return problem('internal_error').toResponse();
  });

  return app;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
