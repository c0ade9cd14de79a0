import { ConfigError } from './config.js';
import { createLogger } from './logger.js';
import { DataDirLockedError } from './store/dir-lock.js';
import { HalfInitialisedError } from './store/pglite.js';
import { createServer } from './server.js';
import { TEST_VARIABLES, testingCliOptions, type TestingCliSettings } from './testing/cli-options.js';
import { armFaultPoint } from './testing/fault-points.js';

/**
 * `wt-onboarding-server`: reads the environment, starts the server, prints the URL it listens on, and shuts down
 * cleanly on SIGINT/SIGTERM: readiness fails at once, new requests are still served for `SHUTDOWN_DRAIN`, then
 * requests in flight finish and the PGlite directory is closed and unlocked. A second signal ends the drain; one
 * after the drain ends the process at once. A wrong variable, a locked or
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
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      afterFirstSignal(signal);
      return;
    }
    stopping = true;
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`wt-onboarding-server: error while stopping after ${signal}: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  /**
   * A second signal during the drain period ends the drain (the operator wants it stopped now, not in a few
   * seconds); after the drain it ends the process at once, as SIGKILL would: our handlers are removed and the
   * signal raised again, so Node's default action applies.
   */
  const afterFirstSignal = (signal: NodeJS.Signals) => {
    if (running.draining) {
      void running.close({ drain: false });
      return;
    }
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Only once the handlers are in place: whoever reads this line may send a signal at once, and one that came
  // before them would end the process without a graceful stop.
  process.stderr.write(`wt-onboarding-server listening on ${running.url}\n`);
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
