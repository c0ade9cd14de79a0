import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import pg from 'pg';
import {
  createServer,
  openPglite,
  openPostgres,
  type Database,
  type RunningServer,
  type ServerOptions,
} from '../../src/index.ts';
import { Client, randomIp } from './client.ts';
import { TestClock } from './clock.ts';
import { SmtpSink } from './smtp-sink.ts';

/** The PostgreSQL server of the machine or CI, when set. */
export const DATABASE_URL = process.env.DATABASE_URL;

/** The reason PostgreSQL runs are skipped. */
export const PG_SKIP = 'DATABASE_URL not set: PostgreSQL tests skipped';

/** A storage backend the suites run on. */
export type Backend = 'pglite' | 'postgres';

/** Runs `suite` once on PGlite and once on PostgreSQL (skipped with a clear reason without `DATABASE_URL`). */
export function eachBackend(name: string, suite: (backend: Backend) => void): void {
  describe(`${name} on PGlite`, () => suite('pglite'));
  describe(`${name} on PostgreSQL`, { skip: DATABASE_URL ? false : PG_SKIP }, () => suite('postgres'));
}

/** A fresh schema on the PostgreSQL server, dropped by the returned function. */
export async function createSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  return {
    schema,
    async drop() {
      const dropper = new pg.Client({ connectionString: DATABASE_URL });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await dropper.end();
    },
  };
}

/**
 * A bare database on `backend`, without a server and not migrated: PGlite in a temporary directory, or a
 * PostgreSQL schema of its own. `close` removes it.
 */
export async function openTestDatabase(backend: Backend): Promise<{ db: Database; close: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'wt-db-test-'));
    const db = await openPglite(dir);
    return {
      db,
      async close() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const { schema, drop } = await createSchema();
  const db = await openPostgres({ connectionString: DATABASE_URL!, schema });
  return {
    db,
    async close() {
      await db.close();
      await drop();
    },
  };
}

/** The `PUBLIC_URL` of a test stack unless its options set another. */
export const TEST_PUBLIC_URL = 'http://localhost:8787';

/** The test secret (long enough for the config check). */
export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

/** A test server, its SMTP sink, clock and log lines. */
export interface TestStack {
  readonly server: RunningServer;
  readonly url: string;
  readonly smtp: SmtpSink;
  readonly clock: TestClock;
  readonly logs: string[];
  /** The schema on PostgreSQL (undefined on PGlite). */
  readonly schema: string | undefined;
  client(ip?: string): Client;
  /** Sends every mail that is due. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

/** Options for {@link startStack}. */
export interface StackOptions extends Omit<ServerOptions, 'env' | 'clock' | 'log'> {
  readonly env?: Record<string, string>;
  /** Reuse the database of another stack (a second instance on the same PostgreSQL schema). */
  readonly schema?: string;
  /** Reuse an SMTP sink. */
  readonly smtp?: SmtpSink;
  readonly clock?: TestClock;
}

/**
 * Starts a server on 127.0.0.1:0 with a real SMTP sink, a test clock and captured logs, on `backend`:
 * PGlite in a temporary directory, or PostgreSQL in a schema of its own.
 */
export async function startStack(backend: Backend, options: StackOptions = {}): Promise<TestStack> {
  const smtp = options.smtp ?? (await new SmtpSink().start());
  const clock = options.clock ?? new TestClock();
  const logs: string[] = [];
  let dataDir: string | undefined;
  let schema = options.schema;
  let dropSchema: (() => Promise<void>) | undefined;
  if (backend === 'pglite') dataDir = mkdtempSync(join(tmpdir(), 'wt-server-test-'));
  else if (!schema) ({ schema, drop: dropSchema } = await createSchema());
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: TEST_PUBLIC_URL,
    ALLOWED_ORIGINS: 'http://localhost:5173',
    TRUSTED_PROXIES: '127.0.0.1,::1',
    SECRET: TEST_SECRET,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
    // No load balancer sends a test stack requests after close(): stop at once (the drain has its own tests).
    SHUTDOWN_DRAIN: '0',
    ...(dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: DATABASE_URL! }),
    ...options.env,
  };
  const server = await createServer({
    scrypt: { ln: 10, r: 8, p: 1 },
    mailWorker: false,
    ...options,
    env,
    clock: clock.now,
    log: (line) => logs.push(line),
    ...(schema ? { databaseSchema: schema } : {}),
  });
  return {
    server,
    url: server.url,
    smtp,
    clock,
    logs,
    schema,
    client: (ip = randomIp()) => new Client(server.url, ip),
    async drain() {
      await server.outbox.drain();
    },
    async close() {
      await server.close();
      if (!options.smtp) await smtp.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      await dropSchema?.();
    },
  };
}

/**
 * A second instance of `first`'s server, as production runs several: the same PostgreSQL schema, SMTP sink and
 * clock. `first` owns them, so close the second one first.
 */
export function startSecondInstance(first: TestStack, options: StackOptions = {}): Promise<TestStack> {
  return startStack('postgres', { ...options, schema: first.schema, smtp: first.smtp, clock: first.clock });
}

/** A password that meets the business policy and is on no list. */
export const GOOD_PASSWORD = 'Zonnebloem#2024x';

let counter = 0;
/** A fresh address for each test. */
export function uniqueEmail(prefix = 'user'): string {
  counter++;
  return `${prefix}.${counter}.${randomBytes(3).toString('hex')}@example.test`;
}

/** Runs sign-up from address to account on `client`; returns the address. */
export async function signUp(
  stack: TestStack,
  client: Client,
  input: { email?: string; password?: string; firstName?: string; lastName?: string } = {},
): Promise<string> {
  const email = input.email ?? uniqueEmail();
  const start = await client.post('/signup/email', { email });
  if (start.status !== 202) throw new Error(`signup/email: ${start.status} ${start.text}`);
  await stack.drain();
  const code = stack.smtp.codeFor(email);
  const verified = await client.post('/signup/code', { code });
  if (verified.status !== 200) throw new Error(`signup/code: ${verified.status} ${verified.text}`);
  const created = await client.post('/signup/account', {
    password: input.password ?? GOOD_PASSWORD,
    firstName: input.firstName ?? 'Anna',
    lastName: input.lastName ?? 'Jansen',
  });
  if (created.status !== 201) throw new Error(`signup/account: ${created.status} ${created.text}`);
  return email;
}
