import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_HARNESS_FLAG } from '../../../src/testing/cli-options.ts';
import type { FaultPointName } from '../../../src/testing/fault-points.ts';
import { TEST_SECRET } from '../../helpers/harness.ts';
import type { ChildStorage } from './storage.ts';

/** The package directory and the CLI the `wt-onboarding-server` bin runs (its sources, through tsx). */
const PACKAGE_DIR = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../../src/cli.ts', import.meta.url));

/** How a child ended. */
export interface ChildExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Options of {@link ChildServer.start}. */
export interface ChildServerOptions {
  /** The server's environment (PORT, DATA_DIR or DATABASE_URL, SMTP_URL, …); nothing else is inherited but PATH. */
  readonly env: Record<string, string>;
  /** Arms one injection point (`WT_FAULT_POINT`). */
  readonly faultPoint?: FaultPointName;
  /** Start with `--test-harness`, so the `WT_TEST_*` variables are read (default true). */
  readonly testHarness?: boolean;
  /** How long start-up may take (PGlite cold start is slow on a loaded 2-core machine). */
  readonly startTimeoutMs?: number;
}

/**
 * The environment a child server of these tests runs on: `storage`, the test SECRET, the test origin and loopback
 * as the trusted proxy (so the `x-forwarded-for` of each test `Client` counts as its address), mail to `smtpUrl`, and
 * `settings` on top.
 */
export function childEnv(
  storage: ChildStorage,
  smtpUrl: string,
  settings: Record<string, string> = {},
): Record<string, string> {
  return {
    ...storage.env,
    ALLOWED_ORIGINS: 'http://localhost:5173',
    TRUSTED_PROXIES: '127.0.0.1,::1',
    SECRET: TEST_SECRET,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Wij Techniek <noreply@wij-techniek.test>',
    ...settings,
  };
}

/**
 * The server's CLI (`main()` of `wt-onboarding-server`) as a child process, on the environment a test gives it.
 * The bin itself runs the built `dist/`; this runs the same `main()` from the sources so the test needs no
 * build. stdout (the JSON log lines) and stderr are captured.
 */
export class ChildServer {
  readonly process: ChildProcess;
  readonly url: string;
  /** stdout lines: the server's log records. */
  readonly logs: string[];
  /** stderr lines. */
  readonly stderr: string[];
  /** Resolves when the process has ended. */
  readonly exited: Promise<ChildExit>;

  private constructor(child: ChildProcess, url: string, logs: string[], stderr: string[], exited: Promise<ChildExit>) {
    this.process = child;
    this.url = url;
    this.logs = logs;
    this.stderr = stderr;
    this.exited = exited;
  }

  /** Starts the CLI and resolves once it prints the address it listens on. */
  static async start(options: ChildServerOptions): Promise<ChildServer> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      ...options.env,
      ...(options.faultPoint ? { WT_FAULT_POINT: options.faultPoint } : {}),
    };
    // --test-harness: the opt-in without which the CLI ignores the WT_TEST_* variables.
    const flags = options.testHarness === false ? [] : [TEST_HARNESS_FLAG];
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CLI, ...flags], {
      cwd: PACKAGE_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: string[] = [];
    const stderr: string[] = [];
    const exited = new Promise<ChildExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the server did not start in time; stderr:\n${stderr.join('\n')}`));
      }, options.startTimeoutMs ?? 90_000);
      lines(child.stdout, (line) => logs.push(line));
      lines(child.stderr, (line) => {
        stderr.push(line);
        const match = /listening on (http:\/\/\S+)/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      void exited.then((exit) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${exit.code ?? exit.signal}) before listening:\n${stderr.join('\n')}`));
      });
    });
    return new ChildServer(child, url, logs, stderr, exited);
  }

  /** Sends `signal` and waits for the process to end. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<ChildExit> {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
    return this.exited;
  }
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    pending += chunk;
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) onLine(line);
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
  });
}

/** Polls `condition` every 50 ms until it holds; throws with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
