import { BlockList, isIP } from 'node:net';
import { PASSWORD_POLICY_NAMES, type PasswordPolicyName } from '@wij-techniek/onboarding-contract';
import { z } from 'zod/mini';
import { isOneSender, secretWeakness } from './config-values.js';
import { unknownOwnVariable } from './config-names.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS } from './store/pg.js';
import {
  checkLimits,
  DEFAULT_LIMITS,
  formatDuration,
  formatLimit,
  LIMIT_NAMES,
  LIMIT_VARIABLES,
  parseDuration,
  parseLimit,
  type Limits,
} from './security/limits.js';

/**
 * The server's configuration, read from the environment once at start (DESIGN.md "Operator interface").
 * Every value is validated; the first wrong one stops the process with one line that names it.
 */
export interface Config {
  /** `NODE_ENV=production`: no dev defaults, no dev mailbox, no insecure cookies. */
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  /** The origin through which browsers reach the API, without a trailing slash. */
  readonly publicUrl: string;
  /** `origin` of {@link Config.publicUrl}. */
  readonly publicOrigin: string;
  /** True when {@link Config.publicUrl} is https: `Secure` and `__Host-` cookies, HSTS. */
  readonly secureCookies: boolean;
  /** The page that hosts the element: links in mails, the return after a callback without a transaction. */
  readonly appUrl: string;
  /** Origins where the element runs: CORS, the `Origin` check and the `returnTo` allow-list. */
  readonly allowedOrigins: readonly string[];
  /** Peers whose `X-Forwarded-For` is believed (addresses or CIDR ranges). */
  readonly trustedProxies: readonly string[];
  readonly databaseUrl: string | undefined;
  /** PostgreSQL only: how long opening a connection may take (`DATABASE_CONNECT_TIMEOUT`). */
  readonly databaseConnectTimeoutSeconds: number;
  /** PostgreSQL only: how long one statement of a request may run (`DATABASE_STATEMENT_TIMEOUT`). */
  readonly databaseStatementTimeoutSeconds: number;
  readonly dataDir: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Key material for HMACs (codes, rate-limit keys, log pseudonyms). */
  readonly secret: string;
  /** True when {@link Config.secret} is the built-in development value. */
  readonly secretIsDevDefault: boolean;
  readonly passwordPolicy: PasswordPolicyName;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  /** The broker, as given; the eHerkenning module applies the simulator's defaults to what is unset. */
  readonly eherkenning: EherkenningSettings;
  /** Rate limits and their growing waits (`RATE_LIMIT_*`, SECURITY.md R1); `createServer({ limits })` wins. */
  readonly limits: Limits;
  /** How often each instance deletes rows whose time is over (`CLEANUP_INTERVAL`); 0 turns it off. */
  readonly cleanupIntervalSeconds: number;
  /** How long a sent or abandoned mail's row (address, template, status) stays before the clean-up deletes it. */
  readonly outboxRetentionSeconds: number;
  /**
   * How long `close()` (SIGTERM) lets requests in flight finish before it cuts them (`SHUTDOWN_GRACE`); 0 cuts them
   * at once.
   */
  readonly shutdownGraceSeconds: number;
  /**
   * How long `close()` (SIGTERM) keeps serving new requests, with `/readyz` failing, before it stops accepting
   * connections (`SHUTDOWN_DRAIN`); 0 stops accepting at once.
   */
  readonly shutdownDrainSeconds: number;
}

/** The default of `CLEANUP_INTERVAL`. */
export const DEFAULT_CLEANUP_INTERVAL_SECONDS = 10 * 60;

const DAY = 24 * 3600;

/**
 * The default of `OUTBOX_RETENTION`: 30 days, long enough to answer "did my mail go out?" and to see a mail
 * server's trouble in the abandoned rows, short enough that addresses do not pile up.
 */
export const DEFAULT_OUTBOX_RETENTION_SECONDS = 30 * DAY;

/**
 * The default of `SHUTDOWN_GRACE`: long enough for the slowest request (a sign-in's password hash waiting for a
 * free core, a statement near its 10 s timeout is the exception), short enough to stay well inside the usual
 * orchestrator's kill timeout (Kubernetes 30 s, systemd 90 s).
 */
export const DEFAULT_SHUTDOWN_GRACE_SECONDS = 10;

/** The longest `SHUTDOWN_GRACE`. */
const MAX_SHUTDOWN_GRACE_SECONDS = 10 * 60;

/**
 * The default of `SHUTDOWN_DRAIN`: about how long a load balancer or Kubernetes takes to stop sending new requests
 * to an instance after its readiness fails or its endpoint is removed (a few seconds), so those requests are served
 * instead of refused; with `SHUTDOWN_GRACE` (10 s) still well inside Kubernetes' 30 s.
 */
export const DEFAULT_SHUTDOWN_DRAIN_SECONDS = 5;

/** The longest `SHUTDOWN_DRAIN`. */
const MAX_SHUTDOWN_DRAIN_SECONDS = 10 * 60;

/** The bounds of `OUTBOX_RETENTION` (and of `createServer({ cleanup: { outboxRetentionSeconds } })`). */
export const OUTBOX_RETENTION_BOUNDS = { min: 3600, max: 365 * DAY } as const;

/** The raw `EHERKENNING_*` variables; `undefined` when unset. */
export interface EherkenningSettings {
  readonly issuer: string | undefined;
  readonly clientId: string | undefined;
  readonly clientSecret: string | undefined;
  readonly suppliersUrl: string | undefined;
  readonly supplierParam: string | undefined;
  readonly claims: string | undefined;
}

/** A variable that is wrong or missing; `message` is the one line the process prints before it stops. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The environment variable at fault. */
  readonly variable: string;
  constructor(variable: string, expected: string, got?: string) {
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got.length > 80 ? `${got.slice(0, 80)}…` : got)})`;
    super(`${variable} ${expected}${shown}`);
    this.variable = variable;
  }
}

/** The values `NODE_ENV` may have; only `production` changes what the server does. */
const NODE_ENVS = ['production', 'development', 'test'] as const;

/** The SECRET used outside production when none is set; its use is logged as a warning. */
export const DEV_SECRET = 'dev-only-secret-wij-techniek-onboarding-not-for-production';

const MIN_SECRET_LENGTH = 32;

/**
 * Environment variables by name, as `process.env` holds them.
 *
 * @inline
 */
type Env = Readonly<Record<string, string | undefined>>;

const origin = z.url({ protocol: /^https?$/ });
const integer = (min: number, max: number) =>
  z.pipe(
    z.string().check(z.regex(/^[0-9]+$/)),
    z.pipe(
      z.transform((value: string) => Number(value)),
      z.number().check(z.int(), z.gte(min), z.lte(max)),
    ),
  );

/** Parses `value` with `schema`, or throws a {@link ConfigError} naming `variable` and what it expects. */
function parse<T>(schema: z.ZodMiniType<T>, variable: string, value: string, expected: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ConfigError(variable, expected, value);
  return result.data;
}

function originOf(variable: string, value: string, allowPath = false): string {
  const url = new URL(parse(origin, variable, value, 'must be an http(s) URL such as https://www.wij-techniek.nl'));
  if (!allowPath && (url.pathname !== '/' || url.search || url.hash)) {
    throw new ConfigError(variable, 'must be an origin without a path, such as https://www.wij-techniek.nl', value);
  }
  return allowPath ? url.href : url.origin;
}

/** A host name (RFC 1123 labels), as `HOST` may be besides an IP address. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

/** Checks that `HOST` is an IP address or a host name: no scheme, port, brackets or path. */
function listenHost(raw: string): string {
  if (isIP(raw) === 0 && !HOST_NAME.test(raw)) {
    throw new ConfigError(
      'HOST',
      'must be an IP address or host name of this machine, such as 127.0.0.1, 0.0.0.0 (every IPv4 interface) or :: (every interface), without brackets or port',
      raw,
    );
  }
  return raw;
}

/**
 * `postgres://user:***@host/db`: a connection URL fit to show, its password hidden — also in a URL that does not
 * parse, whose password may hold a raw `@` or `/` (everything up to the last `@` is taken as user and password).
 */
function redactUrl(raw: string): string {
  const start = raw.indexOf('://');
  const at = raw.lastIndexOf('@');
  if (start < 0 || at < start) return raw;
  const credentials = raw.slice(start + 3, at);
  const colon = credentials.indexOf(':');
  const user = colon < 0 ? credentials : credentials.slice(0, colon);
  return `${raw.slice(0, start + 3)}${colon < 0 ? user : `${user}:***`}${raw.slice(at)}`;
}

/**
 * Checks that `DATABASE_URL` is a PostgreSQL connection URL that parses (so the driver's bare "Invalid URL" never
 * reaches the operator). The value shown in the error has its password hidden.
 */
function postgresUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const expected = 'must be a PostgreSQL connection URL such as postgres://user:password@host:5432/onboarding';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `${expected} (it does not parse as a URL)`, redactUrl(raw));
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `${expected} (postgres:// or postgresql://)`, redactUrl(raw));
  }
  if (!url.hostname && !url.searchParams.has('host')) {
    throw new ConfigError('DATABASE_URL', `${expected} (the host is missing)`, redactUrl(raw));
  }
  return raw;
}

/** The longest `DATABASE_CONNECT_TIMEOUT`: beyond a minute a request waits longer than anyone would. */
const MAX_DATABASE_CONNECT_TIMEOUT_SECONDS = 60;

/**
 * The longest `DATABASE_STATEMENT_TIMEOUT`. A request's statements take well under a second; ten minutes is room
 * for a slow database, not a statement anyone should wait for.
 */
const MAX_DATABASE_STATEMENT_TIMEOUT_SECONDS = 10 * 60;

/**
 * A PostgreSQL timeout: a duration from 1 s to `max` seconds. 0 is refused: pg and PostgreSQL would read it as "no
 * limit", and a database that stops answering would hang requests and `/readyz` again (SECURITY.md F7).
 */
function databaseTimeout(variable: string, raw: string | undefined, fallback: number, max: number): number {
  const seconds = raw === undefined ? fallback : parseDuration(raw);
  if (seconds === undefined || seconds < 1 || seconds > max) {
    throw new ConfigError(
      variable,
      `must be a duration from 1s to ${formatDuration(max)} such as ${formatDuration(fallback)}, 30 or 1m (default ${formatDuration(fallback)}; PostgreSQL only)`,
      raw,
    );
  }
  return seconds;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** Checks that every entry of TRUSTED_PROXIES is an IP address or CIDR range. */
function proxies(value: string | undefined): string[] {
  const entries = list(value);
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^[0-9]+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk) {
      throw new ConfigError(
        'TRUSTED_PROXIES',
        'must be a comma-separated list of IP addresses or CIDR ranges, such as 10.0.0.1,10.1.0.0/16',
        entry,
      );
    }
  }
  return entries;
}

/**
 * Reads and validates the configuration from `env` (normally `process.env`). Throws a {@link ConfigError} for
 * the first variable that is wrong, or that production requires and is missing.
 */
export function loadConfig(env: Env = process.env): Config {
  const value = (name: string): string | undefined => {
    const raw = env[name];
    return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
  };
  const nodeEnv = value('NODE_ENV');
  if (nodeEnv !== undefined && !(NODE_ENVS as readonly string[]).includes(nodeEnv)) {
    // Anything else used to mean development (NODE_ENV=prod ran with the dev mailbox and a weak SECRET allowed).
    throw new ConfigError(
      'NODE_ENV',
      `must be one of: ${NODE_ENVS.join(', ')} (or unset, which is development); a staging or acceptance server runs as production`,
      nodeEnv,
    );
  }
  const production = nodeEnv === 'production';
  const unknown = unknownOwnVariable(env);
  if (unknown) {
    // The value is not shown: a mistyped EHERKENNING_CLIENT_SECRET holds a secret.
    throw new ConfigError(
      unknown.name,
      unknown.nearest
        ? `is not a setting of this server: did you mean ${unknown.nearest}?`
        : `is not a setting of this server; the ones it knows with this prefix are: ${unknown.known.join(', ')}`,
    );
  }
  const required = (name: string, expected: string): string => {
    const raw = value(name);
    if (raw === undefined) throw new ConfigError(name, `is required when NODE_ENV=production: ${expected}`);
    return raw;
  };

  const port = parse(integer(0, 65535), 'PORT', value('PORT') ?? '8787', 'must be a port number from 0 to 65535');
  const host = listenHost(value('HOST') ?? '127.0.0.1');

  const publicUrlRaw = production
    ? required('PUBLIC_URL', 'the https origin browsers use, such as https://www.wij-techniek.nl')
    : (value('PUBLIC_URL') ?? 'http://localhost:8787');
  const publicUrl = originOf('PUBLIC_URL', publicUrlRaw);
  const secureCookies = publicUrl.startsWith('https:');
  if (production && !secureCookies) {
    throw new ConfigError('PUBLIC_URL', 'must be https when NODE_ENV=production (cookies are Secure)', publicUrlRaw);
  }

  const originsRaw = production
    ? required('ALLOWED_ORIGINS', 'a comma-separated list of origins where the element runs')
    : (value('ALLOWED_ORIGINS') ?? 'http://localhost:5173');
  const allowedOrigins = list(originsRaw).map((item) => originOf('ALLOWED_ORIGINS', item));
  if (allowedOrigins.length === 0) {
    throw new ConfigError('ALLOWED_ORIGINS', 'must name at least one origin, such as https://www.wij-techniek.nl');
  }
  const appUrl = originOf('APP_URL', value('APP_URL') ?? allowedOrigins[0]!, true);

  const databaseUrl = postgresUrl(value('DATABASE_URL'));
  const databaseConnectTimeoutSeconds = databaseTimeout(
    'DATABASE_CONNECT_TIMEOUT',
    value('DATABASE_CONNECT_TIMEOUT'),
    DEFAULT_CONNECT_TIMEOUT_MS / 1000,
    MAX_DATABASE_CONNECT_TIMEOUT_SECONDS,
  );
  const databaseStatementTimeoutSeconds = databaseTimeout(
    'DATABASE_STATEMENT_TIMEOUT',
    value('DATABASE_STATEMENT_TIMEOUT'),
    DEFAULT_STATEMENT_TIMEOUT_MS / 1000,
    MAX_DATABASE_STATEMENT_TIMEOUT_SECONDS,
  );

  const smtpUrl = production
    ? required('SMTP_URL', 'an smtp:// or smtps:// URL; the dev mailbox is not available in production')
    : value('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL', 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example:587');
  }
  const mailFrom = production
    ? required('MAIL_FROM', 'the sender address, such as "Wij Techniek <noreply@wij-techniek.nl>"')
    : (value('MAIL_FROM') ?? 'Wij Techniek <noreply@wij-techniek.localhost>');
  if (!isOneSender(mailFrom)) {
    throw new ConfigError(
      'MAIL_FROM',
      'must be one sender address, with or without a name, such as "Wij Techniek <noreply@wij-techniek.nl>" or noreply@wij-techniek.nl',
      mailFrom,
    );
  }

  const secretRaw = production
    ? required('SECRET', `at least ${MIN_SECRET_LENGTH} random characters`)
    : value('SECRET');
  if (secretRaw !== undefined && secretRaw.length < MIN_SECRET_LENGTH) {
    throw new ConfigError('SECRET', `must be at least ${MIN_SECRET_LENGTH} characters (use: openssl rand -base64 48)`);
  }
  if (production && secretRaw === DEV_SECRET) {
    throw new ConfigError('SECRET', 'must not be the development value when NODE_ENV=production');
  }
  // Only in production: development and test setups may use any long value. Never shown: it is the secret.
  const weakness = production && secretRaw !== undefined ? secretWeakness(secretRaw) : undefined;
  if (weakness) {
    throw new ConfigError(
      'SECRET',
      `must be random when NODE_ENV=production, and this one is not: ${weakness}. Generate one with: openssl rand -base64 48`,
    );
  }

  const passwordPolicy = parse(
    z.enum(PASSWORD_POLICY_NAMES),
    'PASSWORD_POLICY',
    value('PASSWORD_POLICY') ?? 'business',
    `must be one of: ${PASSWORD_POLICY_NAMES.join(', ')}`,
  );
  const sessionIdleMinutes = parse(
    integer(1, 24 * 60),
    'SESSION_IDLE_MINUTES',
    value('SESSION_IDLE_MINUTES') ?? '30',
    'must be a whole number of minutes from 1 to 1440',
  );
  const sessionMaxHours = parse(
    integer(1, 24 * 30),
    'SESSION_MAX_HOURS',
    value('SESSION_MAX_HOURS') ?? '12',
    'must be a whole number of hours from 1 to 720',
  );
  if (sessionIdleMinutes > sessionMaxHours * 60) {
    // Otherwise the idle limit never applies and a reader of the configuration is misled about when sessions end.
    throw new ConfigError(
      'SESSION_IDLE_MINUTES',
      `must not be longer than SESSION_MAX_HOURS (${sessionMaxHours} h = ${sessionMaxHours * 60} minutes): lower it, or raise SESSION_MAX_HOURS`,
      String(sessionIdleMinutes),
    );
  }

  const eherkenning: EherkenningSettings = {
    issuer: production
      ? required('EHERKENNING_ISSUER', "the broker's issuer URL")
      : optionalUrl('EHERKENNING_ISSUER', value('EHERKENNING_ISSUER')),
    clientId: production
      ? required('EHERKENNING_CLIENT_ID', 'the client id the broker registered for this service')
      : value('EHERKENNING_CLIENT_ID'),
    clientSecret: production
      ? required('EHERKENNING_CLIENT_SECRET', 'the client secret the broker issued')
      : value('EHERKENNING_CLIENT_SECRET'),
    suppliersUrl: optionalUrl('EHERKENNING_SUPPLIERS_URL', value('EHERKENNING_SUPPLIERS_URL')),
    supplierParam: value('EHERKENNING_SUPPLIER_PARAM'),
    claims: value('EHERKENNING_CLAIMS'),
  };
  if (production) optionalUrl('EHERKENNING_ISSUER', eherkenning.issuer);

  const cleanupRaw = value('CLEANUP_INTERVAL');
  const cleanupIntervalSeconds =
    cleanupRaw === undefined ? DEFAULT_CLEANUP_INTERVAL_SECONDS : parseDuration(cleanupRaw);
  if (cleanupIntervalSeconds === undefined || cleanupIntervalSeconds > 24 * 3600) {
    throw new ConfigError(
      'CLEANUP_INTERVAL',
      `must be a duration of at most 24h such as 10m, 600 or 1h (0 turns the clean-up off; default ${formatDuration(DEFAULT_CLEANUP_INTERVAL_SECONDS)})`,
      cleanupRaw,
    );
  }

  const retentionRaw = value('OUTBOX_RETENTION');
  const outboxRetentionSeconds =
    retentionRaw === undefined ? DEFAULT_OUTBOX_RETENTION_SECONDS : parseRetention(retentionRaw);
  if (
    outboxRetentionSeconds === undefined ||
    outboxRetentionSeconds < OUTBOX_RETENTION_BOUNDS.min ||
    outboxRetentionSeconds > OUTBOX_RETENTION_BOUNDS.max
  ) {
    throw new ConfigError(
      'OUTBOX_RETENTION',
      `must be a duration from 1h to 365d such as 30d, 14d or 720h (default ${DEFAULT_OUTBOX_RETENTION_SECONDS / DAY}d)`,
      retentionRaw,
    );
  }

  const graceRaw = value('SHUTDOWN_GRACE');
  const shutdownGraceSeconds = graceRaw === undefined ? DEFAULT_SHUTDOWN_GRACE_SECONDS : parseDuration(graceRaw);
  if (shutdownGraceSeconds === undefined || shutdownGraceSeconds > MAX_SHUTDOWN_GRACE_SECONDS) {
    throw new ConfigError(
      'SHUTDOWN_GRACE',
      `must be a duration of at most 10m such as 10s, 30 or 1m (0 cuts requests in flight at once; default ${formatDuration(DEFAULT_SHUTDOWN_GRACE_SECONDS)})`,
      graceRaw,
    );
  }

  const drainRaw = value('SHUTDOWN_DRAIN');
  const shutdownDrainSeconds = drainRaw === undefined ? DEFAULT_SHUTDOWN_DRAIN_SECONDS : parseDuration(drainRaw);
  if (shutdownDrainSeconds === undefined || shutdownDrainSeconds > MAX_SHUTDOWN_DRAIN_SECONDS) {
    throw new ConfigError(
      'SHUTDOWN_DRAIN',
      `must be a duration of at most 10m such as 5s, 15 or 1m (0 stops accepting connections at once; default ${formatDuration(DEFAULT_SHUTDOWN_DRAIN_SECONDS)})`,
      drainRaw,
    );
  }

  return {
    production,
    port,
    host,
    publicUrl,
    publicOrigin: publicUrl,
    secureCookies,
    appUrl,
    allowedOrigins,
    trustedProxies: proxies(value('TRUSTED_PROXIES')),
    databaseUrl,
    databaseConnectTimeoutSeconds,
    databaseStatementTimeoutSeconds,
    dataDir: value('DATA_DIR') ?? '.data/',
    smtpUrl,
    mailFrom,
    secret: secretRaw ?? DEV_SECRET,
    secretIsDevDefault: secretRaw === undefined,
    passwordPolicy,
    sessionIdleMinutes,
    sessionMaxHours,
    eherkenning,
    limits: limitsFrom(value),
    cleanupIntervalSeconds,
    outboxRetentionSeconds,
    shutdownGraceSeconds,
    shutdownDrainSeconds,
  };
}

/** `30d` → seconds, else what {@link parseDuration} makes of it (`720h`, `90m`, `3600`); undefined if neither. */
function parseRetention(raw: string): number | undefined {
  const days = /^([0-9]{1,3})d$/.exec(raw);
  return days ? Number(days[1]) * DAY : parseDuration(raw);
}

/** The `RATE_LIMIT_*` variables over {@link DEFAULT_LIMITS}, each within the bounds `createServer` checks too. */
function limitsFrom(value: (name: string) => string | undefined): Limits {
  const limits: Record<string, unknown> = {};
  for (const name of LIMIT_NAMES) {
    const variable = LIMIT_VARIABLES[name];
    const raw = value(variable);
    if (raw === undefined) continue;
    const limit = parseLimit(raw);
    const example = formatLimit(DEFAULT_LIMITS[name]);
    if (!limit) {
      throw new ConfigError(variable, `must be <max>/<window> such as ${example} (window in s, m or h)`, raw);
    }
    const issue = checkLimits({ [name]: limit });
    if (issue) throw new ConfigError(variable, `${issue.path.split('.').pop()} ${issue.message}`, raw);
    limits[name] = limit;
  }
  for (const name of ['maxWaitSeconds', 'resetAfterSeconds'] as const) {
    const variable = LIMIT_VARIABLES[name];
    const raw = value(variable);
    if (raw === undefined) continue;
    const duration = parseDuration(raw);
    const issue = duration === undefined ? null : checkLimits({ [name]: duration });
    if (duration === undefined || issue) {
      throw new ConfigError(
        variable,
        `must be a duration such as ${formatDuration(DEFAULT_LIMITS[name])} (s, m or h; at most 7 days)`,
        raw,
      );
    }
    limits[name] = duration;
  }
  return { ...DEFAULT_LIMITS, ...limits };
}

function optionalUrl(variable: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  return parse(origin, variable, raw, 'must be an http(s) URL');
}

/** A {@link BlockList} of the trusted proxies, for matching peer addresses. */
export function trustedProxyList(config: Pick<Config, 'trustedProxies'>): BlockList {
  const blockList = new BlockList();
  for (const entry of config.trustedProxies) {
    const [address = '', bits] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) blockList.addAddress(address, type);
    else blockList.addSubnet(address, Number(bits), type);
  }
  return blockList;
}
