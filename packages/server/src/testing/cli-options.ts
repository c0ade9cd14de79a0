import { ConfigError } from '../config.js';
import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings } from '../mail/worker.js';
import type { ServerOptions } from '../server.js';
import { FAULT_POINTS, FAULT_POINT_VARIABLE, isFaultPoint, type FaultPointName } from './fault-points.js';

/**
 * The command-line flag with which the test harness opts in to the `WT_TEST_*` variables. Without it they are
 * never read: a staging machine with a stray variable (and no `NODE_ENV`) runs exactly as production would.
 */
export const TEST_HARNESS_FLAG = '--test-harness';

/** Each test-only variable and what it does when honoured. */
export const TEST_VARIABLES = {
  WT_TEST_SCRYPT_LN: 'password hash cost N = 2^value instead of 2^17 (cheap, weak hashes)',
  WT_TEST_DATABASE_SCHEMA: 'with DATABASE_URL: this PostgreSQL schema instead of the search path',
  WT_TEST_MAIL_WORKER: 'off: mail is queued and never sent',
  WT_TEST_OUTBOX: 'outbox worker settings other than the defaults',
  [FAULT_POINT_VARIABLE]: 'the process kills itself at this crash injection point (SECURITY.md F5)',
} as const;

/** The name of a test-only variable. */
export type TestVariable = keyof typeof TEST_VARIABLES;

/** What {@link testingCliOptions} found. */
export interface TestingCliSettings {
  /** Server options from the honoured variables (empty unless honoured). */
  readonly options: ServerOptions;
  /** The crash injection point to arm (`WT_FAULT_POINT`), when honoured. */
  readonly faultPoint?: FaultPointName | undefined;
  /** The variables set and applied, with their values, for the start-up warning. */
  readonly honoured: readonly { readonly variable: TestVariable; readonly value: string }[];
  /** The variables set but not read, and why. */
  readonly ignored: readonly { readonly variable: TestVariable; readonly why: string }[];
}

const OUTBOX_KEYS = Object.keys(DEFAULT_OUTBOX_SETTINGS) as (keyof OutboxSettings)[];

/**
 * Test-only settings of the `wt-onboarding-server` CLI, so reliability tests and the load benchmark can run the
 * real bin as a child process with a cheap password hash, a PostgreSQL schema of their own and a stopped mail
 * worker. Read only when the process was started with {@link TEST_HARNESS_FLAG} and `NODE_ENV` is not
 * `production`; otherwise a set variable is reported as ignored and has no effect.
 *
 * | variable | effect |
 * | --- | --- |
 * | `WT_TEST_SCRYPT_LN` | scrypt cost N = 2^value (r=8, p=1) instead of the default 2^17; 1 to 20 |
 * | `WT_TEST_DATABASE_SCHEMA` | with `DATABASE_URL`: the schema to use (`ServerOptions.databaseSchema`) |
 * | `WT_TEST_MAIL_WORKER` | `off`: queue mail but never send it (the outbox worker is not started); or `on` |
 * | `WT_TEST_OUTBOX` | JSON of `OutboxSettings` fields (positive integers), e.g. `{"pollMilliseconds":100}` |
 * | `WT_FAULT_POINT` | the name of a crash injection point (`testing/fault-points.ts`) where the process kills itself |
 *
 * A value that is not valid throws a `ConfigError` naming the variable.
 *
 * @internal
 */
export function testingCliOptions(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): TestingCliSettings {
  const set = (Object.keys(TEST_VARIABLES) as TestVariable[]).filter((name) => env[name] !== undefined);
  const why = !argv.includes(TEST_HARNESS_FLAG)
    ? `read only when the server is started with ${TEST_HARNESS_FLAG} (by the test harness)`
    : env.NODE_ENV?.trim() === 'production' // trimmed as loadConfig reads it, which then runs as production
      ? 'never read when NODE_ENV=production'
      : undefined;
  if (why) return { options: {}, honoured: [], ignored: set.map((variable) => ({ variable, why })) };

  const options: { -readonly [K in keyof ServerOptions]: ServerOptions[K] } = {};
  const ln = env.WT_TEST_SCRYPT_LN;
  if (ln !== undefined) {
    if (!/^[0-9]{1,2}$/.test(ln) || Number(ln) < 1 || Number(ln) > 20) {
      throw new ConfigError('WT_TEST_SCRYPT_LN', 'must be a whole number from 1 to 20', ln);
    }
    options.scrypt = { ln: Number(ln), r: 8, p: 1 };
  }
  const schema = env.WT_TEST_DATABASE_SCHEMA;
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new ConfigError('WT_TEST_DATABASE_SCHEMA', 'must be a plain lower-case identifier', schema);
    }
    options.databaseSchema = schema;
  }
  const worker = env.WT_TEST_MAIL_WORKER;
  if (worker !== undefined) {
    if (worker !== 'off' && worker !== 'on') throw new ConfigError('WT_TEST_MAIL_WORKER', 'must be off or on', worker);
    options.mailWorker = worker === 'on';
  }
  if (env.WT_TEST_OUTBOX !== undefined) options.outbox = outboxSettings(env.WT_TEST_OUTBOX);
  const faultPoint = env[FAULT_POINT_VARIABLE];
  if (faultPoint !== undefined && !isFaultPoint(faultPoint)) {
    throw new ConfigError(FAULT_POINT_VARIABLE, `must be one of ${Object.keys(FAULT_POINTS).join(', ')}`, faultPoint);
  }
  return { options, faultPoint, honoured: set.map((variable) => ({ variable, value: env[variable]! })), ignored: [] };
}

/** `WT_TEST_OUTBOX` as outbox settings: a JSON object of known fields with positive whole numbers. */
function outboxSettings(raw: string): Partial<OutboxSettings> {
  const expected = `must be a JSON object of ${OUTBOX_KEYS.join(', ')} with positive whole numbers`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('WT_TEST_OUTBOX', `is not JSON: ${expected}`, raw);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('WT_TEST_OUTBOX', expected, raw);
  }
  const settings: Partial<Record<keyof OutboxSettings, number>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(OUTBOX_KEYS as string[]).includes(key) || !Number.isSafeInteger(value) || (value as number) <= 0) {
      throw new ConfigError('WT_TEST_OUTBOX', expected, raw);
    }
    settings[key as keyof OutboxSettings] = value as number;
  }
  return settings;
}
