import type { Clock } from './clock.js';

/** Severity of a log record. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields of a log record: plain JSON values. Never a password, code, token or session id (SECURITY.md L1). */
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined | readonly string[]>>;

/**
 * Structured logging: one JSON object per line with `time`, `level` and `event` (a stable snake_case name,
 * e.g. `code_failed`), then the fields. Security events (SECURITY.md L2) are `info`/`warn` records with these
 * names: `code_issued`, `code_failed`, `flow_locked`, `account_created`, `login_succeeded`, `login_failed`,
 * `login_locked`, `session_ended`, `password_reset`, `mail_sent`, `mail_failed`, `mail_abandoned`,
 * `rate_limited`, `origin_refused`.
 */
export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A logger that writes each record as one line to `write` (stdout by default). */
export function createLogger(options: { write?: (line: string) => void; clock?: Clock } = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    write(JSON.stringify({ time: clock().toISOString(), level, event, ...fields }));
  };
  return {
    log,
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  };
}
