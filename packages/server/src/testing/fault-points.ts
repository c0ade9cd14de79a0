/**
 * Test-only crash injection (SECURITY.md F5). A call site `await faultPoint('account-inserted')` marks a moment
 * where a crash would hurt most; when the CLI runs with `--test-harness` and `WT_FAULT_POINT=account-inserted` (and
 * `NODE_ENV` is not `production`; see `testing/cli-options.ts`) it kills itself there with SIGKILL: no `finally`, no rollback by us, no response — exactly
 * what a power cut or the OOM killer does. Everywhere else, and always in production, it is a no-op.
 *
 * @internal
 */

/** The injection points of F5 (and the outbox), by name: where each call site sits. */
export const FAULT_POINTS = {
  /** `CodeFlows.start`: the flow (code HMAC) and its outbox row are committed; no answer and no mail left yet. */
  'code-committed': 'code row written, mail not sent',
  /** `createAccount`: the account row is inserted, its credential not yet, the transaction not committed. */
  'account-inserted': 'account inserted, transaction not committed',
  /** eHerkenning callback: the broker's tokens are exchanged and checked; no binding written yet. */
  'eherkenning-token-exchanged': 'token exchanged, binding not written',
  /** eHerkenning callback: organisation, identity and membership are committed; no answer sent yet. */
  'eherkenning-binding-written': 'binding written, response not sent',
} as const;

/** The name of an injection point. */
export type FaultPointName = keyof typeof FAULT_POINTS;

/** The environment variable that arms one injection point. */
export const FAULT_POINT_VARIABLE = 'WT_FAULT_POINT';

/** The line written to stderr just before the kill, so a test can tell the point was reached. */
export function faultPointMarker(name: FaultPointName): string {
  return `wt-fault-point reached: ${name}`;
}

// Armed only by the CLI under the test harness, never by the environment alone: a stray variable on a staging
// machine must not kill the process.
let armed: FaultPointName | undefined;

/** Arms one injection point for this process (`undefined` disarms). Only the CLI calls it, with `--test-harness`. */
export function armFaultPoint(name: FaultPointName | undefined): void {
  armed = name;
}

/** True when `value` names an injection point. */
export function isFaultPoint(value: string): value is FaultPointName {
  return Object.hasOwn(FAULT_POINTS, value);
}

/**
 * Kills the process with SIGKILL when this point is armed ({@link armFaultPoint}); resolves at once otherwise.
 * When armed it never resolves, so nothing after the call site runs.
 */
export function faultPoint(name: FaultPointName): Promise<void> {
  if (armed !== name) return Promise.resolve();
  // stderr on a pipe is synchronous on Linux: the marker is out before the signal lands.
  process.stderr.write(`${faultPointMarker(name)}\n`);
  process.kill(process.pid, 'SIGKILL');
  return new Promise<void>(() => {});
}
