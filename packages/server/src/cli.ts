import { ConfigError } from './config.js';
import { createLogger } from './logger.js';
import { DataDirLockedError } from './store/dir-lock.js';
import { HalfInitialisedError } from './store/pglite.js';
import { createServer } from './server.js';
import { TEST_VARIABLES, testingCliOptions, type TestingCliSettings } from './testing/cli-options.js';
import { armFaultPoint } from './testing/fault-points.js';

/**
 * `wt-onboarding-server`: reads the environment, starts the server, prints the URL it listens on, and shuts down
 * cleanly on SIGINT/SIGTERM (the PGlite directory is closed and unlocked). A wrong variable, a locked or
 * half-initialised data directory stop it with one line on stderr and exit code 1. The `WT_TEST_*` variables are
 * read only with `--test-harness`; set or not read, each is named in a warning at start-up.
 */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let server;
  try {
    const testing = testingCliOptions(argv, process.env);
    warnAbout(testing);
    armFaultPoint(testing.faultPoint);
    server = await createServer(testing.options);
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

/** One warning per test-only variable that is set: what it does now, or why it does nothing. */
function warnAbout(testing: TestingCliSettings): void {
  if (testing.honoured.length === 0 && testing.ignored.length === 0) return;
  const logger = createLogger();
  for (const { variable, value } of testing.honoured) {
    logger.warn('test_setting_active', { variable, value, effect: TEST_VARIABLES[variable] });
  }
  for (const { variable, why } of testing.ignored) logger.warn('test_setting_ignored', { variable, reason: why });
}

await main();
