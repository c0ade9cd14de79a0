import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from './clock.js';

/** Severity of a log record. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** A value a log field may hold: plain JSON. */
export type LogValue = string | number | boolean | null | undefined | readonly string[];

/** The keys the logger writes itself; a field by one of these names is written as `field_<name>` instead. */
export const RESERVED_LOG_KEYS = ['time', 'level', 'event'] as const;

/**
 * Fields of a log record: plain JSON values. Never a password, code, token or session id (SECURITY.md L1).
 * `time`, `level` and `event` belong to the logger: the type refuses them, and at run time they are renamed.
 */
export type LogFields = Readonly<Record<string, LogValue>> & {
  readonly [K in (typeof RESERVED_LOG_KEYS)[number]]?: never;
};

/**
 * Structured logging: one JSON object per line with `time`, `level` and `event` (a stable snake_case name,
 * e.g. `code_failed`), then the fields of the current scope (`requestId` while a request is served, see
 * {@link withLogScope}), then the record's own fields. Security events (SECURITY.md L2) are `info`/`warn`
 * records with these names: `code_issued`, `code_failed`, `flow_locked`, `account_created`, `login_succeeded`,
 * `login_failed`, `login_locked`, `session_ended`, `password_reset`, `mail_sent`, `mail_failed`,
 * `mail_abandoned`, `mail_claim_lost`, `rate_limited`, `origin_refused`.
 */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** The fields every record written inside a scope carries, as long as the scope is open. */
interface LogScope {
  readonly fields: Readonly<Record<string, LogValue>>;
  open: boolean;
}

// A store of `undefined` is no scope at all (outsideLogScope), as at start-up.
const scopes = new AsyncLocalStorage<LogScope | undefined>();

/**
 * Runs `fn` so that every record logged from it — and from whatever it awaits — carries `fields` (the request id).
 * The scope closes when `fn` settles: timers and promise chains started inside it that outlive it (the outbox
 * worker woken by a request) log without these fields from then on, instead of carrying a finished request's id.
 */
export async function withLogScope<T>(fields: Readonly<Record<string, LogValue>>, fn: () => Promise<T>): Promise<T> {
  const scope: LogScope = { fields, open: true };
  try {
    return await scopes.run(scope, fn);
  } finally {
    scope.open = false;
  }
}

/**
 * Runs `fn` outside any log scope: what it logs — and what it awaits, and the timers it sets — carries no request's
 * fields, even when it is started from inside a request. For work a request only sets off and that is not its own:
 * the outbox worker, woken by the request that queued a mail, sends whatever is due, other people's mail included.
 */
export function outsideLogScope<T>(fn: () => T): T {
  return scopes.run(undefined, fn);
}

/** A logger that writes each record as one line to `write` (stdout by default). */
export function createLogger(options: { write?: (line: string) => void; clock?: Clock } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    write(JSON.stringify(record(clock().toISOString(), level, event, fields)));
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}

/**
 * The record as written: the logger's own keys first and untouchable, then the scope's fields, then the
 * record's. A field that would overwrite an earlier key gets the prefix `field_` (a field `level: 'EH3'` once
 * replaced the severity). The object has no prototype, so a field named `__proto__` is just a field.
 */
function record(time: string, level: LogLevel, event: string, fields: LogFields): Record<string, unknown> {
  const out = Object.create(null) as Record<string, unknown>;
  out.time = time;
  out.level = level;
  out.event = event;
  const scope = scopes.getStore();
  const add = (key: string, value: unknown) => {
    let name = key;
    while (Object.hasOwn(out, name)) name = `field_${name}`;
    out[name] = value;
  };
  if (scope?.open) for (const [key, value] of Object.entries(scope.fields)) add(key, value);
  for (const [key, value] of Object.entries(fields)) add(key, value);
  return out;
}
