import { PASSWORD_POLICIES } from '@wij-techniek/onboarding-contract';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serve, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Server } from 'node:http';
import { lookup } from 'node:dns/promises';
import { isIP, type AddressInfo } from 'node:net';
import { z } from 'zod/mini';
import { createApp } from './app.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig, OUTBOX_RETENTION_BOUNDS, trustedProxyList, type Config } from './config.js';
import type { AppContext, AppEnv, SupplierProvider } from './context.js';
import { createLogger, type Logger } from './logger.js';
import { enqueueMail } from './mail/outbox.js';
import { mailboxTransport, smtpTransport, type MailTransport } from './mail/transport.js';
import { OutboxWorker, type OutboxSettings } from './mail/worker.js';
import { problem } from './problems.js';
import { createSupplierProvider, TRANSACTION_TTL_MS } from './routes/eherkenning.js';
import type { RouteModule } from './routes/route-module.js';
import { AntiAutomationSchema, type AntiAutomation } from './security/anti-automation.js';
import { clientIp } from './security/client-ip.js';
import { deriveKeys } from './security/keys.js';
import { PasswordHasher, type ScryptParams } from './security/passwords.js';
import { checkLimits, type Limits } from './security/limits.js';
import { RateLimiter } from './security/rate-limit.js';
import { GracefulHttp } from './shutdown.js';
import { dataDirStartupError, databaseStartupError, listenStartupError } from './startup-error.js';
import { isAllowedReturnTo } from './security/return-to.js';
import { SessionService } from './sessions/sessions.js';
import { Cleanup, DEFAULT_CLEANUP_BATCH_SIZE, type CleanupSettings } from './store/cleanup.js';
import type { Database } from './store/database.js';
import { migrate } from './store/migrate.js';
import { openPostgres } from './store/pg.js';
import { openPglite } from './store/pglite.js';

/** What {@link createServer} accepts besides the environment; tests and the `npm start` orchestrator use it. */
export interface ServerOptions {
  /** Configuration values that win over the environment's. */
  readonly config?: Partial<Config>;
  /** The environment to read (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Now; injected by tests. */
  readonly clock?: Clock;
  /** Where log lines go (default stdout). */
  readonly log?: (line: string) => void;
  /** An open database to use instead of opening one from the configuration (it is not closed by `close()`). */
  readonly database?: Database;
  /** With `DATABASE_URL`: a schema to use (tests give each file its own). */
  readonly databaseSchema?: string;
  /**
   * Rate limits other than the configured ones (`RATE_LIMIT_*`, else `DEFAULT_LIMITS`): any subset, each limit
   * whole (`{ max, windowSeconds }`). Checked like the environment; a value out of bounds throws a `ConfigError`.
   */
  readonly limits?: Partial<Limits>;
  /**
   * A CAPTCHA or proof-of-work check before each sign-up and password-reset start (SECURITY.md R5); see
   * {@link AntiAutomation}. Without it only the rate limits apply.
   */
  readonly antiAutomation?: AntiAutomation;
  /**
   * The periodic deletion of rows whose time is over: `false` runs no timer, an object overrides
   * `CLEANUP_INTERVAL` (`intervalSeconds`), `OUTBOX_RETENTION` (`outboxRetentionSeconds`) and the batch size.
   * `RunningServer.cleanup.run()` works either way.
   */
  readonly cleanup?: false | Partial<Pick<CleanupSettings, 'intervalSeconds' | 'batchSize' | 'outboxRetentionSeconds'>>;
  /** Password-hash parameters other than the default (tests lower them for speed; P5 tests raise them). */
  readonly scrypt?: ScryptParams;
  /** Largest number of hashes at once (default: CPU cores). */
  readonly hashConcurrency?: number;
  /** Outbox worker settings. */
  readonly outbox?: Partial<OutboxSettings>;
  /** Start the outbox worker's timer (default true; tests may drain by hand). */
  readonly mailWorker?: boolean;
  /** A mail transport instead of SMTP / the dev mailbox. */
  readonly mailTransport?: MailTransport;
  /** The eHerkenning suppliers; by default the provider of `routes/eherkenning.ts`. */
  readonly suppliers?: SupplierProvider;
  /** Extra route modules. */
  readonly routes?: readonly RouteModule[];
  /** Listen (default true). With false, only `app` is usable. */
  readonly listen?: boolean;
}

/** A running server. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:8787` (empty when not listening). */
  readonly url: string;
  /** The Hono app; `app.request(…)` works without a socket. */
  readonly app: Hono<AppEnv>;
  readonly config: Config;
  /** The services, for tests and embedding. */
  readonly context: AppContext;
  /** The outbox worker; `drain()` sends what is due now. */
  readonly outbox: OutboxWorker;
  /** The clean-up of expired rows; `run()` does one pass now. */
  readonly cleanup: Cleanup;
  /**
   * True during the drain period of {@link RunningServer.close}: the server still serves new requests while
   * `/readyz` answers 503.
   */
  readonly draining: boolean;
  /**
   * Stops gracefully: answers `/readyz` with 503 at once and keeps serving new requests for `SHUTDOWN_DRAIN` (the
   * drain period, while a load balancer moves traffic away), then stops accepting connections, lets requests in
   * flight finish for up to `SHUTDOWN_GRACE` (then cuts what is left), stops the outbox worker and the clean-up, and
   * closes the database last (releasing the PGlite lock). Calling it again returns the same promise; with
   * `{ drain: false }` it skips the drain period, or ends the one that runs (a second SIGTERM).
   */
  close(options?: CloseOptions): Promise<void>;
}

/** Options of {@link RunningServer.close}. */
export interface CloseOptions {
  /** `false`: no drain period, or end the one that runs now (default true: `SHUTDOWN_DRAIN`). */
  readonly drain?: boolean;
}

/** Opens the database the configuration names: PostgreSQL when `DATABASE_URL` is set, PGlite in `DATA_DIR` otherwise. */
export async function openDatabase(config: Config, schema?: string): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({
      connectionString: config.databaseUrl,
      connectTimeoutMs: config.databaseConnectTimeoutSeconds * 1000,
      statementTimeoutMs: config.databaseStatementTimeoutSeconds * 1000,
      ...(schema === undefined ? {} : { schema }),
    });
  }
  return openPglite(config.dataDir);
}

/**
 * Starts the onboarding server: validates the configuration, opens the database and runs the migrations (under
 * an advisory lock), starts the outbox worker, and listens. Throws a `ConfigError` for a wrong variable.
 */
export async function createServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config: Config = { ...loadConfig(options.env ?? process.env), ...options.config };
  const limits = resolveLimits(config.limits, options.limits);
  const antiAutomation = validOption(
    'antiAutomation',
    AntiAutomationSchema,
    options.antiAutomation,
    'must be { verify(request) }',
  );
  const cleanupSettings = resolveCleanup(config, options.cleanup);
  const clock = options.clock ?? systemClock;
  const logger: Logger = createLogger({ clock, ...(options.log ? { write: options.log } : {}) });
  if (config.secretIsDevDefault) {
    logger.warn('dev_secret', {
      message: 'SECRET is not set: using the development value. Never do this in production.',
    });
  }
  if (config.production && !config.smtpUrl && !options.mailTransport) {
    // loadConfig already requires SMTP_URL in production; this catches `options.config` taking it away again,
    // which would otherwise mark every mail sent by the dev mailbox's transport that sends nothing.
    throw new ConfigError('options.config.smtpUrl', 'is required when production is true (or pass mailTransport)');
  }

  // A host name that does not resolve is found before the database is opened (PGlite's first start takes seconds).
  if (options.listen !== false && isIP(config.host) === 0) {
    await lookup(config.host).catch((error: unknown) => {
      throw listenStartupError(error, config.host, config.port) ?? error;
    });
  }
  const db = options.database ?? (await openDatabase(config, options.databaseSchema).catch(startupError(config)));
  const closeDb = options.database ? async () => {} : () => db.close();
  // What exists so far, stopped again (stopping one that never started is harmless) when a later step fails.
  let transport: MailTransport | undefined;
  let outbox: OutboxWorker | undefined;
  let cleanup: Cleanup | undefined;
  let server: ServerType | undefined;
  try {
    const applied = await migrate(db).catch(startupError(config));
    if (applied.length > 0) logger.info('migrations_applied', { versions: applied });

    transport = options.mailTransport ?? (config.smtpUrl ? await smtpTransport(config) : mailboxTransport());
    // The dev mailbox shows mails from the outbox rows, so only with it do sent mails keep their content.
    const devMailbox = !config.production && transport.kind === 'mailbox';
    const worker = new OutboxWorker({
      db,
      transport,
      clock,
      logger,
      keepSentContent: devMailbox,
      ...(options.outbox ? { settings: options.outbox } : {}),
    });
    outbox = worker;
    const keys = deriveKeys(config.secret);
    const trusted = trustedProxyList(config);
    const context: AppContext = {
      config,
      db,
      clock,
      logger,
      keys,
      limits,
      rateLimiter: new RateLimiter(keys, clock, limits),
      passwords: new PasswordHasher({
        ...(options.scrypt ? { params: options.scrypt } : {}),
        ...(options.hashConcurrency ? { concurrency: options.hashConcurrency } : {}),
      }),
      passwordPolicy: PASSWORD_POLICIES[config.passwordPolicy],
      sessions: new SessionService({ config, db, clock, logger }),
      async enqueueMail(target, mail) {
        const id = await enqueueMail(target, mail, clock);
        // Woken after the caller's transaction had a moment to commit; the poll catches anything later.
        setImmediate(() => worker.kick());
        return id;
      },
      problem,
      suppliers: options.suppliers ?? createSupplierProvider({ config }),
      isAllowedReturnTo: (url) => isAllowedReturnTo(url, config),
      clientIp(c) {
        const peer = getConnInfo(c).remote.address ?? '0.0.0.0';
        return clientIp(peer, c.req.header('x-forwarded-for'), trusted);
      },
      pseudonym: (value) => keys.hmac('log-pseudonym', value).slice(0, 16),
      antiAutomation,
    };
    const sweeper = new Cleanup({ db, clock, logger, settings: cleanupSettings });
    cleanup = sweeper;
    const app = createApp(context, {
      devMailbox,
      ...(options.routes ? { routes: options.routes } : {}),
    });

    const graceful = new GracefulHttp();
    let url = '';
    if (options.listen !== false) {
      server = await listen(graceful, app.fetch, config);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host}:${address.port}`;
    }
    // Only once it listens: a start that fails leaves no worker behind to log about a closed database.
    if (options.mailWorker !== false) worker.start();
    if (options.cleanup !== false) sweeper.start();
    if (server) logger.info('listening', { url, database: db.kind, mail: transport.kind });
    const mail = transport;

    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      config,
      context,
      outbox: worker,
      cleanup: sweeper,
      get draining() {
        return graceful.draining;
      },
      close(closeOptions = {}) {
        if (closeOptions.drain === false) graceful.endDrain();
        closing ??= (async () => {
          if (server) {
            const drainSeconds = closeOptions.drain === false ? 0 : config.shutdownDrainSeconds;
            const graceSeconds = config.shutdownGraceSeconds;
            // Each record is written once its phase has begun, so what it says already holds when it is read.
            const draining = graceful.drain(drainSeconds * 1000);
            logger.info('shutdown_started', { drainSeconds, graceSeconds });
            const ended = await draining;
            const drain = drainSeconds === 0 ? 'none' : ended === 'ended' ? 'ended_early' : 'elapsed';
            // The database stays open until every request in flight was answered or cut: a handler that still
            // runs must not find it closed (it would answer 503 and log database_unavailable).
            const stopped = graceful.close(graceSeconds * 1000);
            logger.info('shutdown_accepting_stopped', { drain, inFlight: graceful.inFlight });
            const { cut } = await stopped;
            if (cut > 0) logger.warn('shutdown_cut_requests', { requests: cut, graceSeconds });
          }
          await worker.stop();
          await sweeper.stop();
          mail.close();
          await closeDb();
          if (server) logger.info('shutdown_complete');
        })();
        return closing;
      },
    };
  } catch (error) {
    await outbox?.stop();
    await cleanup?.stop();
    server?.close();
    transport?.close();
    await closeDb();
    throw error;
  }
}

/**
 * Listens on `HOST`:`PORT` with `fetch` behind `graceful`; a port in use or a host that is not this machine's is a
 * {@link StartupError} naming the variable.
 */
async function listen(
  graceful: GracefulHttp,
  fetch: Hono<AppEnv>['fetch'],
  config: Pick<Config, 'host' | 'port'>,
): Promise<ServerType> {
  try {
    return await new Promise<ServerType>((resolve, reject) => {
      const started = serve({ fetch: graceful.wrap(fetch), port: config.port, hostname: config.host }, () =>
        resolve(started),
      );
      graceful.attach(started as Server);
      started.once('error', reject);
    });
  } catch (error) {
    throw listenStartupError(error, config.host, config.port) ?? error;
  }
}

/**
 * Turns a failure to open or migrate the configured database into a {@link StartupError} naming `DATABASE_URL`
 * or `DATA_DIR` (never with the URL's password), and lets any other error through as it is.
 */
function startupError(config: Pick<Config, 'databaseUrl' | 'dataDir'>): (error: unknown) => never {
  return (error) => {
    const named = config.databaseUrl
      ? databaseStartupError(error, config.databaseUrl)
      : dataDirStartupError(error, config.dataDir);
    throw named ?? error;
  };
}

/** `value` when it passes `schema`, else a {@link ConfigError} naming `options.<name>`. */
function validOption<T>(
  name: string,
  schema: { safeParse(value: unknown): { success: boolean } },
  value: T | undefined,
  expected: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!schema.safeParse(value).success) throw new ConfigError(`options.${name}`, expected);
  return value;
}

/** The configured limits with `option` over them, each checked against the same bounds as the environment. */
function resolveLimits(configured: Limits, option: Partial<Limits> | undefined): Limits {
  // A member given as undefined keeps the configured value, as if it were not given.
  const given: Partial<Limits> = Object.fromEntries(
    Object.entries(option ?? {}).filter(([, value]) => value !== undefined),
  );
  const merged: Limits = { ...configured, ...given };
  const issue = checkLimits(merged);
  if (issue) throw new ConfigError(`options.limits.${issue.path}`, issue.message);
  return merged;
}

const CleanupOptionSchema = z.strictObject({
  intervalSeconds: z.optional(z.number().check(z.int(), z.gte(0), z.lte(24 * 3600))),
  batchSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100_000))),
  outboxRetentionSeconds: z.optional(
    z.number().check(z.int(), z.gte(OUTBOX_RETENTION_BOUNDS.min), z.lte(OUTBOX_RETENTION_BOUNDS.max)),
  ),
});

/** The clean-up settings: `CLEANUP_INTERVAL` and `OUTBOX_RETENTION`, with `option` over them. */
function resolveCleanup(
  config: Pick<Config, 'cleanupIntervalSeconds' | 'outboxRetentionSeconds'>,
  option: ServerOptions['cleanup'],
): CleanupSettings {
  const given =
    option === false
      ? undefined
      : validOption(
          'cleanup',
          CleanupOptionSchema,
          option,
          'must be false or { intervalSeconds (0–86400), batchSize (1–100000), outboxRetentionSeconds (3600–31536000) }',
        );
  return {
    intervalSeconds: config.cleanupIntervalSeconds,
    batchSize: DEFAULT_CLEANUP_BATCH_SIZE,
    transactionTtlSeconds: TRANSACTION_TTL_MS / 1000,
    outboxRetentionSeconds: config.outboxRetentionSeconds,
    ...given,
  };
}
