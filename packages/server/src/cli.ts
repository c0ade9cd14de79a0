import { ConfigError } from './config.js';
import { DataDirLockedError } from './store/dir-lock.js';
import { HalfInitialisedError } from './store/pglite.js';
import { createServer } from './server.js';
import { testingCliOptions } from './testing/cli-options.js';

/**
 * `wt-onboarding-server`: reads the environment, starts the server, prints the URL it listens on, and shuts down
 * cleanly on SIGINT/SIGTERM (the PGlite directory is closed and unlocked). A wrong variable, a locked or
 * half-initialised data directory stop it with one line on stderr and exit code 1.
 */
export async function main(): Promise<void> {
  let server;
  try {
    server = await createServer(testingCliOptions()); // test-only settings; ignored in production
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`wt-onboarding-server: configuration error: ${error.message}\n`);
    } else if (error instanceof DataDirLockedError || error instanceof HalfInitialisedError) {
      process.stderr.write(`wt-onboarding-server: ${error.message}\n`);
    } else {
      process.stderr.write(
        `wt-onboarding-server: could not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
    process.exitCode = 1;
    return;
  }
  const running = server;
  process.stderr.write(`wt-onboarding-server listening on ${running.url}\n`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`wt-onboarding-server: error while stopping after ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await main();
