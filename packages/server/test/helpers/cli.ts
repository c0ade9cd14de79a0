// The `wt-onboarding-server` command run once to its end, for the start-up checks that must stop it before it
// listens: what an operator sees is the exit code and the lines on stderr.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The command's source, run through tsx as the tests run everything else. */
export const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));

/**
 * Runs the command with only `PATH` and `env` in its environment and waits for it to exit (at most a minute: a
 * start that does not stop fails the test instead of hanging it).
 */
export function runCliToExit(env: Record<string, string>): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', CLI], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}
