import type { ServerOptions } from '../server.js';
import type { OutboxSettings } from '../mail/worker.js';

/**
 * Test-only settings the `wt-onboarding-server` CLI reads from the environment, so reliability tests can run the
 * real bin as a child process with a cheap password hash, a PostgreSQL schema of their own and a stopped mail
 * worker. Ignored entirely when `NODE_ENV=production`.
 *
 * | variable | effect |
 * | --- | --- |
 * | `WT_TEST_SCRYPT_LN` | scrypt cost N = 2^value (r=8, p=1) instead of the default 2^17 |
 * | `WT_TEST_DATABASE_SCHEMA` | with `DATABASE_URL`: the schema to use (`ServerOptions.databaseSchema`) |
 * | `WT_TEST_MAIL_WORKER` | `off`: queue mail but never send it (the outbox worker is not started) |
 * | `WT_TEST_OUTBOX` | JSON of `OutboxSettings` fields, e.g. `{"pollMilliseconds":100}` |
 *
 * @internal
 */
export function testingCliOptions(env: NodeJS.ProcessEnv = process.env): ServerOptions {
  if (env.NODE_ENV === 'production') return {};
  const options: { -readonly [K in keyof ServerOptions]: ServerOptions[K] } = {};
  const ln = env.WT_TEST_SCRYPT_LN;
  if (ln !== undefined && /^[0-9]{1,2}$/.test(ln)) options.scrypt = { ln: Number(ln), r: 8, p: 1 };
  const schema = env.WT_TEST_DATABASE_SCHEMA;
  if (schema) options.databaseSchema = schema;
  if (env.WT_TEST_MAIL_WORKER === 'off') options.mailWorker = false;
  if (env.WT_TEST_OUTBOX) options.outbox = JSON.parse(env.WT_TEST_OUTBOX) as Partial<OutboxSettings>;
  return options;
}
