// `npm start`: the eHerkenning simulator (8788), the onboarding server on PGlite in .data/ with the dev mailbox
// (8787), and the example pages on http://localhost:5173 with /api proxied to the server. Prints one line with
// the URL to open; Ctrl-C stops everything and closes the database, so the next start keeps the accounts.
//
//   PORT=8790 SIM_PORT=8791 WEB_PORT=5180 npm start      other ports
//   DATA_DIR=/tmp/wt npm start                            another database directory
//   ALLOWED_ORIGINS=http://localhost:8000 npm start       a page of your own may use the API too
import { join, resolve } from 'node:path';
import { PortInUseError, REPO, StackError, startStack } from './stack.mjs';

/** Reads a port from the environment, or stops with one line naming the variable. */
function portFrom(variable, fallback) {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`npm start: ${variable} must be a port number from 1 to 65535 (got ${JSON.stringify(raw)}).`);
    process.exit(1);
  }
  return port;
}

/**
 * Reads origins the server allows beside the example site's (a web editor trying the two lines on a page of their
 * own), or stops with one line naming the variable.
 */
function originsFrom(variable) {
  const values = (process.env[variable] ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  return values.map((value) => {
    let origin;
    try {
      origin = new URL(value).origin;
    } catch {
      origin = undefined;
    }
    if (!origin || origin === 'null' || origin !== value.replace(/\/$/u, '')) {
      console.error(
        `npm start: ${variable} must be comma-separated origins, scheme, host and port without a path, such as ` +
          `http://localhost:8000 (got ${JSON.stringify(value)}).`,
      );
      process.exit(1);
    }
    return origin;
  });
}

const aborter = new AbortController();
let stack;
let stopping;

/** Stops the stack once; a second Ctrl-C while stopping kills what is left at once. */
async function shutdown(exitCode) {
  if (stopping) {
    for (const child of stack?.children ?? []) {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    process.exit(130);
  }
  stopping = true;
  aborter.abort();
  // Still starting: startStack stops what it started when it sees the abort, then the catch below exits.
  if (!stack) return;
  const { forced } = await stack.stop();
  if (forced.length > 0) console.error(`npm start: ${forced.join(' and ')} did not stop in time and was killed.`);
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// Last resort: never leave a child behind, whatever ends this process.
process.on('exit', () => {
  for (const child of stack?.children ?? []) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

try {
  stack = await startStack({
    port: portFrom('PORT', 8787),
    simPort: portFrom('SIM_PORT', 8788),
    webPort: portFrom('WEB_PORT', 5173),
    dataDir: process.env.DATA_DIR ? resolve(process.env.DATA_DIR) : join(REPO, '.data'),
    extraOrigins: originsFrom('ALLOWED_ORIGINS'),
    signal: aborter.signal,
    onCrash(piece, code, log) {
      console.error(`npm start: the ${piece} stopped (exit code ${code}). Its last lines:\n${log}`);
      void shutdown(1);
    },
  });
  console.log(
    `Open ${stack.url} — codes arrive in the dev mailbox at ${stack.mailboxUrl} (logs: ${stack.logDir}; Ctrl-C stops).`,
  );
} catch (error) {
  if (aborter.signal.aborted) {
    // Ctrl-C during the start: startStack has stopped what it had started.
    process.exit(0);
  } else if (error instanceof PortInUseError || error instanceof StackError) {
    console.error(`npm start: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
