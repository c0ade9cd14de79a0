// `npm run bench:load -w packages/server` (also run by `npm run bench`): load on TWO server instances that share
// one PostgreSQL schema and nothing else, driven by autocannon on loopback, each scenario bounded in time.
//
//   1. sign-up starts   POST /signup/email, a new address per request
//   2. code checks      POST /signup/code with wrong codes, on pre-made flows (five attempts each, then 429)
//   3. full sign-ups    email → code (read from a real SMTP sink) → account, hashed at the production scrypt cost
//   4. raw scrypt       the same hash function alone on the same cores, for comparison with (3)
//
// Every request comes from its own client address through X-Forwarded-For (the instances trust 127.0.0.1 as a
// proxy), so the per-client rate limits do not dominate the figures: this measures the server, not its limiter.
// Needs DATABASE_URL (two instances cannot share a PGlite directory); without it the bench says so and stops.
import { randomBytes, randomInt } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { DEFAULT_SCRYPT_PARAMS, PasswordHasher } from '../src/index.ts';
import { SmtpSink } from '../test/helpers/smtp-sink.ts';
import { ChildServer } from '../test/reliability/helpers/child-server.ts';

const SCENARIO_SECONDS = Number(process.env.LOAD_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 20);
const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'Zonnebloem#2024x';
const DATABASE_URL = process.env.DATABASE_URL;

/** The part of autocannon's API and result this bench uses (the package ships no types). */
interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  setupRequest?: (request: { headers: Record<string, string>; body?: string }) => object;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: LoadRequest[];
}) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const ip = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const address = () => `load.${randomBytes(6).toString('hex')}@example.test`;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Runs the same autocannon scenario against both instances at once and adds the results up. */
async function onBoth(urls: readonly string[], requests: () => LoadRequest[]) {
  const results = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, CONNECTIONS / urls.length),
        duration: SCENARIO_SECONDS,
        requests: requests(),
      }),
    ),
  );
  const total = results.reduce((sum, r) => sum + r.requests.total, 0);
  const statuses: Record<string, number> = {};
  for (const r of results)
    for (const [code, { count }] of Object.entries(r.statusCodeStats)) statuses[code] = (statuses[code] ?? 0) + count;
  return {
    perSecond: total / SCENARIO_SECONDS,
    total,
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    statuses,
  };
}

function report(name: string, r: Awaited<ReturnType<typeof onBoth>>) {
  const statuses = Object.entries(r.statuses)
    .map(([code, count]) => `${code}×${count}`)
    .join(' ');
  console.log(
    `${name}: ${fmt(r.perSecond)} req/s over 2 instances (${r.total} requests in ${SCENARIO_SECONDS} s), ` +
      `p50 ${fmt(r.p50)} ms, p99 ${fmt(r.p99)} ms, ${r.errors} errors, statuses ${statuses}`,
  );
}

async function post(url: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${url}/api/v1${path}`, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/json',
      'x-forwarded-for': ip(),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return { status: response.status, cookie: response.headers.getSetCookie()[0]?.split(';')[0] ?? cookie };
}

async function main() {
  if (!DATABASE_URL) {
    console.log('load: skipped — DATABASE_URL is not set (two instances need a shared PostgreSQL).');
    return;
  }
  const cores = availableParallelism();
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const smtp = await new SmtpSink().start();
  const instances: ChildServer[] = [];
  try {
    const env = {
      DATABASE_URL,
      WT_TEST_DATABASE_SCHEMA: schema,
      PUBLIC_URL: 'http://localhost:8787',
      ALLOWED_ORIGINS: ORIGIN,
      TRUSTED_PROXIES: '127.0.0.1,::1',
      SECRET: `bench-${randomBytes(24).toString('hex')}`,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
    };
    // One after the other: the second start finds the migrations applied (they run under an advisory lock anyway).
    instances.push(await ChildServer.start({ env }));
    instances.push(await ChildServer.start({ env }));
    const urls = instances.map((instance) => instance.url);
    console.log(`load: 2 instances on PostgreSQL schema ${schema}, ${CONNECTIONS} connections, ${cores} cores`);

    // 1. Sign-up starts.
    const jsonHeaders = { origin: ORIGIN, 'content-type': 'application/json' };
    report(
      'sign-up starts (POST /signup/email)',
      await onBoth(urls, () => [
        {
          method: 'POST',
          path: '/api/v1/signup/email',
          headers: jsonHeaders,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': ip() },
            body: JSON.stringify({ email: address() }),
          }),
        },
      ]),
    );

    // 2. Code checks on pre-made flows: the wrong code is counted (its own UPDATE) and compared.
    const flows: string[] = [];
    const makers = Array.from({ length: 10 }, async (_, worker) => {
      for (let i = 0; i < 80; i++) {
        const started = await post(urls[(worker + i) % 2]!, '/signup/email', { email: address() });
        if (started.status === 202 && started.cookie) flows.push(started.cookie);
      }
    });
    await Promise.all(makers);
    let next = 0;
    report(
      `code checks (POST /signup/code, wrong codes on ${flows.length} flows; 400 = checked, 429 = flow already locked)`,
      await onBoth(urls, () => [
        {
          method: 'POST',
          path: '/api/v1/signup/code',
          headers: jsonHeaders,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, 'x-forwarded-for': ip(), cookie: flows[next++ % flows.length]! },
            body: JSON.stringify({ code: '000000' }),
          }),
        },
      ]),
    );

    // The mails of (1) and (2) queue in the shared outbox; both workers drain it. Measured, and waited for, so
    // that the codes of (3) do not queue behind them.
    const pending = async () =>
      (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE status <> 'sent'`))
        .rows[0]!.n;
    const backlog = await pending();
    const drainStart = performance.now();
    const drainDeadline = drainStart + 120_000;
    let left = backlog;
    while (left > 0 && performance.now() < drainDeadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = await pending();
    }
    const drainSeconds = (performance.now() - drainStart) / 1000;
    console.log(
      `outbox drain by 2 workers over SMTP: ${fmt((backlog - left) / drainSeconds)} mails/s (${backlog - left} of ${backlog} in ${fmt(drainSeconds)} s, ${left} left)`,
    );

    // 3. Full sign-ups at the production hash cost, spread over both instances.
    const signUps: number[] = [];
    const signUpStart = performance.now();
    const deadline = signUpStart + SCENARIO_SECONDS * 1000;
    let failures = 0;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, worker) => {
        while (performance.now() < deadline) {
          const url = urls[worker % 2]!;
          const email = address();
          const t0 = performance.now();
          const started = await post(url, '/signup/email', { email });
          let code: string | undefined;
          while (!code && performance.now() < deadline + 10_000) {
            const mail = smtp.to(email).at(-1);
            code = mail && /\b([0-9]{6})\b/.exec(mail.subject)?.[1];
            if (!code) await new Promise((resolve) => setTimeout(resolve, 20));
          }
          const verified = await post(urls[(worker + 1) % 2]!, '/signup/code', { code }, started.cookie);
          const created = await post(
            url,
            '/signup/account',
            { password: PASSWORD, firstName: 'Load', lastName: 'Test' },
            verified.cookie,
          );
          if (created.status === 201) signUps.push(performance.now() - t0);
          else {
            failures++;
            if (failures === 1) {
              console.log(
                `first failed sign-up: email ${started.status}, code ${code ? verified.status : 'not mailed in time'}, account ${created.status}`,
              );
            }
          }
        }
      }),
    );
    const signUpSeconds = (performance.now() - signUpStart) / 1000;
    signUps.sort((a, b) => a - b);
    const at = (p: number) => signUps[Math.min(signUps.length - 1, Math.floor((p / 100) * signUps.length))] ?? NaN;
    const signUpRate = signUps.length / signUpSeconds;
    console.log(
      `full sign-ups (email → code from SMTP → account, scrypt ln=${DEFAULT_SCRYPT_PARAMS.ln}): ${fmt(signUpRate, 2)} sign-ups/s ` +
        `(${signUps.length} in ${fmt(signUpSeconds)} s, started within ${SCENARIO_SECONDS} s, code step on the other instance), p50 ${fmt(at(50))} ms, p99 ${fmt(at(99))} ms, ${failures} errors`,
    );

    // 4. The hash alone, as many at once as the server allows (one per core).
    for (const instance of instances) await instance.kill('SIGTERM');
    instances.length = 0;
    const hasher = new PasswordHasher();
    let hashes = 0;
    const hashDeadline = performance.now() + Math.min(SCENARIO_SECONDS, 8) * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: cores }, async () => {
        while (performance.now() < hashDeadline) {
          await hasher.hash(PASSWORD);
          hashes++;
        }
      }),
    );
    const hashRate = hashes / ((performance.now() - t0) / 1000);
    console.log(`raw scrypt ln=${DEFAULT_SCRYPT_PARAMS.ln} r=8 p=1 on ${cores} cores: ${fmt(hashRate, 2)} hashes/s`);
    console.log(
      `sign-ups/s ÷ hashes/s: ${fmt((signUpRate / hashRate) * 100, 0)}% (the hash is the ceiling of sign-ups)`,
    );
  } finally {
    for (const instance of instances) await instance.kill('SIGKILL');
    await smtp.stop();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

await main();
