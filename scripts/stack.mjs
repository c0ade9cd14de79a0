// The local stack behind `npm start` and `npm run screenshots`: the eHerkenning simulator and the onboarding
// server as child processes of their bins, and the Vite dev server of examples/ in this process.
//
// Why child processes: each bin is exactly what an operator runs (its own config validation, signal handling
// and PGlite lock), a crash of one is seen as an exit with its log, and a stuck child can be killed without
// taking PGlite's WASM heap down with us. Vite runs in-process because it is ours to configure and stop.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin } from './run.mjs';

export const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The simulator's dev client, which the server's defaults also name (packages/eherkenning-sim/src/clients.ts). */
const DEV_CLIENT_ID = 'wt-onboarding-dev';
const DEV_CLIENT_SECRET = 'dev-secret-not-for-production';

/** A port that something else already listens on; `message` says which and what to do. */
export class PortInUseError extends Error {
  /**
   * @param {number} port
   * @param {string} what the piece that wanted it
   * @param {string} variable the environment variable that moves it
   */
  constructor(port, what, variable) {
    super(
      `Port ${port} (${what}) is already in use. Stop what listens there (see: lsof -i :${port}), ` +
        `or choose another port: ${variable}=<port> npm start`,
    );
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/** A piece of the stack that stopped on its own, or never became ready. */
export class StackError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StackError';
  }
}

/** True when something accepts connections on `port` at `host`. */
function listening(port, host) {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Throws {@link PortInUseError} when `port` answers on IPv4 or IPv6 loopback (`localhost` is either). */
async function assertFree(port, what, variable) {
  if ((await listening(port, '127.0.0.1')) || (await listening(port, '::1'))) {
    throw new PortInUseError(port, what, variable);
  }
}

/** A free port on loopback, for stacks that must not collide with a running `npm start`. */
export async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

/**
 * Rebuilds the packages (incremental `tsc -b`) when a bin's built output is older than its sources, so that
 * `npm start` always runs the code in the tree.
 */
async function ensureBuilt() {
  const packages = ['contract', 'server', 'eherkenning-sim'].map((name) => join(REPO, 'packages', name));
  const stale = packages.some((dir) => newest(join(dir, 'src')) > newest(join(dir, 'dist')));
  if (!stale) return;
  const { code, output } = await new Promise((resolve) => {
    const tsc = spawn(bin('tsc'), ['-b', join(REPO, 'tsconfig.json')], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    tsc.stdout.on('data', (chunk) => (text += chunk));
    tsc.stderr.on('data', (chunk) => (text += chunk));
    tsc.on('close', (exitCode) => resolve({ code: exitCode, output: text }));
  });
  if (code !== 0) throw new StackError(`The build failed (npm run build shows why):\n${output.trim()}`);
}

/** Polls `url` until it answers with a status below 500, or throws after `timeoutMs`. */
async function waitForHttp(url, child, timeoutMs, signal) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** The last lines of a log file, for the message about a piece that stopped. */
function tail(file, lines = 15) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts a bin as a child in its own process group (so a terminal's Ctrl-C reaches only us, and each child gets
 * exactly one signal from {@link stopChild}), with its output in `logFile`.
 */
function startChild(name, binPath, env, logFile) {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [binPath], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  child.wtName = name;
  child.wtLog = logFile;
  return child;
}

/** Sends SIGINT (the bins close PGlite and their listeners on it), then SIGKILL after `graceMs`. */
function stopChild(child, graceMs = 20_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ forced: false });
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve({ forced: true });
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve({ forced: false });
    });
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch {
      clearTimeout(timer);
      resolve({ forced: false });
    }
  });
}

/**
 * @typedef {object} StackOptions
 * @property {number} [port] the server's port (8787)
 * @property {number} [simPort] the simulator's port (8788)
 * @property {number} [webPort] the example site's port (5173)
 * @property {string} [dataDir] PGlite's directory (`.data/`)
 * @property {string} [logDir] where the children's output goes (`<dataDir>/logs`)
 * @property {string[]} [extraOrigins] origins allowed beside the example site's: a web editor's own test page
 * @property {Record<string, string>} [serverEnv] extra environment for the server (e.g. `SMTP_URL`)
 * @property {(piece: string, code: number | null, log: string) => void} [onCrash] a child stopped on its own
 * @property {AbortSignal} [signal] stops a start that is under way (Ctrl-C while PGlite initialises)
 */

/**
 * @typedef {object} RunningStack
 * @property {string} url the example site, e.g. `http://localhost:5173/`
 * @property {string} mailboxUrl the dev mailbox page
 * @property {string} apiUrl the API as the browser sees it (`<url>api/v1`)
 * @property {string} issuer the simulated eHerkenning broker, where the login page is
 * @property {string} logDir
 * @property {import('node:child_process').ChildProcess[]} children
 * @property {() => Promise<{ forced: string[] }>} stop stops everything; names the children that had to be killed
 */

/**
 * Starts the simulator, the server and the example site, and resolves once all three answer.
 * @param {StackOptions} [options]
 * @returns {Promise<RunningStack>}
 */
export async function startStack(options = {}) {
  const port = options.port ?? 8787;
  const simPort = options.simPort ?? 8788;
  const webPort = options.webPort ?? 5173;
  const dataDir = options.dataDir ?? join(REPO, '.data');
  const logDir = options.logDir ?? join(dataDir, 'logs');

  await assertFree(webPort, 'example site', 'WEB_PORT');
  await assertFree(port, 'onboarding server', 'PORT');
  await assertFree(simPort, 'eHerkenning simulator', 'SIM_PORT');
  await ensureBuilt();
  mkdirSync(logDir, { recursive: true });

  const site = `http://localhost:${webPort}`;
  // The origins the server lets eHerkenning return to; the simulator's login form must be allowed to end there.
  const allowedOrigins =
    options.serverEnv?.ALLOWED_ORIGINS ?? [...new Set([site, ...(options.extraOrigins ?? [])])].join(',');
  const issuer = `http://localhost:${simPort}`;
  const children = [];
  let stopping = false;
  const watch = (child) => {
    child.once('exit', (code) => {
      if (!stopping) options.onCrash?.(child.wtName, code, tail(child.wtLog));
    });
  };

  const stopAll = async (vite) => {
    stopping = true;
    await vite?.close();
    const forced = [];
    // The server first: it may still talk to the simulator while it drains.
    for (const child of [...children].reverse()) {
      const { forced: killed } = await stopChild(child);
      if (killed) forced.push(child.wtName);
    }
    return { forced };
  };

  try {
    const sim = startChild(
      'eHerkenning simulator',
      join(REPO, 'packages/eherkenning-sim/bin/wt-eherkenning-sim.js'),
      {
        PORT: String(simPort),
        ISSUER: issuer,
        CLIENTS: JSON.stringify([
          {
            clientId: DEV_CLIENT_ID,
            clientSecret: DEV_CLIENT_SECRET,
            redirectUris: [`${site}/api/v1/eherkenning/callback`],
          },
        ]),
        // Chromium checks form-action against the last redirect too: the return page, on any allowed origin.
        FORM_ACTION_ORIGINS: allowedOrigins,
      },
      join(logDir, 'eherkenning-sim.log'),
    );
    children.push(sim);
    watch(sim);
    if (
      !(await waitForHttp(`http://127.0.0.1:${simPort}/.well-known/openid-configuration`, sim, 60_000, options.signal))
    ) {
      throw new StackError(`The eHerkenning simulator did not start:\n${tail(sim.wtLog)}\n(log: ${sim.wtLog})`);
    }

    const server = startChild(
      'onboarding server',
      join(REPO, 'packages/server/bin/wt-onboarding-server.js'),
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: site,
        // The page that hosts the element: mail links ("Aanmelden") and a failed callback land there, not on the
        // examples index, which has no element.
        APP_URL: `${site}/cms-paste-in/`,
        ALLOWED_ORIGINS: allowedOrigins,
        // No load balancer to drain for: Ctrl-C stops at once (SHUTDOWN_DRAIN in docs/operators.md).
        SHUTDOWN_DRAIN: process.env.SHUTDOWN_DRAIN || '0',
        // The Vite proxy on loopback forwards the browser's address in X-Forwarded-For.
        TRUSTED_PROXIES: '127.0.0.1,::1',
        DATA_DIR: dataDir,
        EHERKENNING_ISSUER: issuer,
        EHERKENNING_CLIENT_ID: DEV_CLIENT_ID,
        EHERKENNING_CLIENT_SECRET: DEV_CLIENT_SECRET,
        ...options.serverEnv,
      },
      join(logDir, 'server.log'),
    );
    children.push(server);
    watch(server);
    // PGlite's first start (initdb + migrations) takes several seconds, more on a busy machine.
    if (!(await waitForHttp(`http://127.0.0.1:${port}/api/v1/config`, server, 120_000, options.signal))) {
      throw new StackError(`The onboarding server did not start:\n${tail(server.wtLog)}\n(log: ${server.wtLog})`);
    }

    options.signal?.throwIfAborted();
    process.env.API_TARGET = `http://127.0.0.1:${port}`;
    process.env.WEB_PORT = String(webPort);
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: join(REPO, 'vite.config.ts'),
      logLevel: 'warn',
      server: { port: webPort, strictPort: true },
    });
    await vite.listen();

    return {
      url: `${site}/`,
      mailboxUrl: `${site}/api/dev/mailbox.html`,
      apiUrl: `${site}/api/v1`,
      issuer,
      logDir,
      children,
      stop: () => stopAll(vite),
    };
  } catch (error) {
    await stopAll(undefined);
    throw error;
  }
}
