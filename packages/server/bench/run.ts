// `npm run bench -w packages/server`: throughput and latency of the hot paths, hashing cost, and the timing of
// /signup/email for existing versus new addresses (SECURITY.md R4). Loopback only, an in-process server on a
// fresh PGlite directory (or DATABASE_URL when set), bounded to a few minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServer, PasswordHasher, type MailTransport, type RunningServer } from '../src/index.ts';
import { mannWhitney, percentile } from './stats.ts';

const ORIGIN = 'http://localhost:5173';
const PASSWORD = 'Zonnebloem#2024x';
const LOOSE = { max: 1_000_000, windowSeconds: 60 };

/** Mails are captured in memory so the bench measures the server, not a mail server. */
const outbox: { to: string; subject: string }[] = [];
const transport: MailTransport = {
  kind: 'smtp',
  send: (mail) => {
    outbox.push({ to: mail.to, subject: mail.subject });
    return Promise.resolve();
  },
  close: () => {},
};

interface Reply {
  status: number;
  cookie: string | undefined;
  body: string;
}

async function call(base: string, method: string, path: string, body?: unknown, cookie?: string): Promise<Reply> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      origin: ORIGIN,
      ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const set = response.headers.getSetCookie()[0]?.split(';')[0];
  return { status: response.status, cookie: set ?? cookie, body: await response.text() };
}

function codeFor(address: string): string {
  const mail = outbox.filter((m) => m.to === address).at(-1);
  const code = mail && /\b([0-9]{6})\b/.exec(mail.subject)?.[1];
  if (!code) throw new Error(`no code for ${address}`);
  return code;
}

/** Runs `task` from `concurrency` loops until `total` calls were made; returns req/s and latencies. */
async function load(concurrency: number, total: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: total / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'wt-bench-'));
  const server: RunningServer = await createServer({
    env: {
      PORT: '0',
      DATA_DIR: dataDir,
      SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
      // No load balancer to wait for: without this close() keeps serving for the default 5 s SHUTDOWN_DRAIN.
      SHUTDOWN_DRAIN: '0',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
    log: () => {},
    mailTransport: transport,
    limits: {
      mailsPerAddress: LOOSE,
      mailRequestsPerClient: LOOSE,
      codeAttemptsPerClient: LOOSE,
      loginsPerClient: LOOSE,
    },
  });
  const base = server.url;
  const cores = availableParallelism();
  console.log(`onboarding server bench — ${server.context.db.kind}, ${cores} cores, Node ${process.version}\n`);
  try {
    // 1. Wrong codes: each flow takes five wrong codes (the sixth would be a lockout, another path), so the
    //    requests are spread over many flows.
    const flows = 400;
    const cookies: string[] = [];
    for (let i = 0; i < flows; i++) {
      const reply = await call(base, 'POST', '/signup/email', { email: `wrong.${i}@bench.test` });
      cookies.push(reply.cookie!);
    }
    await server.outbox.drain();
    const wrong = await load(8, flows * 5, async (i) => {
      const email = `wrong.${i % flows}@bench.test`;
      const code = codeFor(email) === '000000' ? '111111' : '000000';
      const reply = await call(base, 'POST', '/signup/code', { code }, cookies[i % flows]);
      if (reply.status !== 400) throw new Error(`wrong code answered ${reply.status}: ${reply.body}`);
    });
    console.log('POST /signup/code with a wrong code (8 concurrent, 2000 requests)');
    console.log(`  ${fmt(wrong.perSecond)} req/s, p50 ${fmt(wrong.p50)} ms, p99 ${fmt(wrong.p99)} ms\n`);

    // 2. GET /session for a signed-in account.
    const signup = await call(base, 'POST', '/signup/email', { email: 'session@bench.test' });
    await server.outbox.drain();
    let cookie = (await call(base, 'POST', '/signup/code', { code: codeFor('session@bench.test') }, signup.cookie))
      .cookie;
    cookie = (
      await call(base, 'POST', '/signup/account', { password: PASSWORD, firstName: 'Bench', lastName: 'Mark' }, cookie)
    ).cookie;
    const session = await load(8, 3000, async () => {
      const reply = await call(base, 'GET', '/session', undefined, cookie);
      if (reply.status !== 200) throw new Error(`session answered ${reply.status}`);
    });
    console.log('GET /session, signed in (8 concurrent, 3000 requests)');
    console.log(`  ${fmt(session.perSecond)} req/s, p50 ${fmt(session.p50)} ms, p99 ${fmt(session.p99)} ms\n`);

    // 3. Whole sign-ups against raw hashes at the production parameters (scrypt N=2^17, r=8, p=1).
    const hasher = new PasswordHasher();
    const hashes = await load(cores, cores * 4, async (i) => {
      await hasher.hash(`${PASSWORD}${i}`);
    });
    const prepared: string[] = [];
    for (let i = 0; i < cores * 4; i++) {
      const email = `signup.${i}@bench.test`;
      const start = await call(base, 'POST', '/signup/email', { email });
      prepared.push(start.cookie!);
    }
    await server.outbox.drain();
    for (let i = 0; i < prepared.length; i++) {
      prepared[i] = (
        await call(base, 'POST', '/signup/code', { code: codeFor(`signup.${i}@bench.test`) }, prepared[i])
      ).cookie!;
    }
    const signups = await load(cores * 2, prepared.length, async (i) => {
      const reply = await call(
        base,
        'POST',
        '/signup/account',
        { password: PASSWORD, firstName: 'Bench', lastName: 'Mark' },
        prepared[i],
      );
      if (reply.status !== 201) throw new Error(`account answered ${reply.status}: ${reply.body}`);
    });
    console.log(`Password hashing at scrypt N=2^17, r=8, p=1 (${cores} at once, ${cores * 4} hashes)`);
    console.log(`  raw hashes: ${fmt(hashes.perSecond, 2)} /s (p50 ${fmt(hashes.p50, 0)} ms per hash)`);
    console.log(
      `  POST /signup/account (${cores * 2} concurrent, ${prepared.length} accounts): ${fmt(signups.perSecond, 2)} sign-ups/s, p99 ${fmt(signups.p99, 0)} ms\n`,
    );

    // 4. R4 timing: /signup/email for existing and new addresses, interleaved, one at a time.
    const existing = 'signup.0@bench.test';
    const timings = { existing: [] as number[], fresh: [] as number[] };
    const rounds = 300;
    for (let i = 0; i < rounds * 2; i++) {
      const useExisting = i % 2 === 0;
      const email = useExisting ? existing : `fresh.${i}@bench.test`;
      const t0 = performance.now();
      const reply = await call(base, 'POST', '/signup/email', { email });
      const ms = performance.now() - t0;
      if (reply.status !== 202) throw new Error(`signup/email answered ${reply.status}`);
      (useExisting ? timings.existing : timings.fresh).push(ms);
    }
    const test = mannWhitney(timings.existing, timings.fresh);
    const median = (values: number[]) => percentile(values, 50);
    console.log(`POST /signup/email, existing vs new address (${rounds} each, interleaved, sequential)`);
    console.log(
      `  existing: median ${fmt(median(timings.existing), 2)} ms, p99 ${fmt(percentile(timings.existing, 99), 2)} ms`,
    );
    console.log(
      `  new:      median ${fmt(median(timings.fresh), 2)} ms, p99 ${fmt(percentile(timings.fresh, 99), 2)} ms`,
    );
    console.log(
      `  median difference ${fmt(Math.abs(median(timings.existing) - median(timings.fresh)), 2)} ms; Mann-Whitney U = ${fmt(test.u, 0)}, p = ${test.p.toFixed(3)}`,
    );
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
