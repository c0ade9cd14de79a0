/** Thrown when the simulator is asked to start where it must not (production). */
export class SimulatorRefusedError extends Error {
  override name = 'SimulatorRefusedError';
}

/**
 * Refuses to go on when `NODE_ENV` is `production`: a broker that logs anyone in as any company must never
 * run where real accounts live.
 */
export function assertNotProduction(env: Readonly<Record<string, string | undefined>>): void {
  if (env.NODE_ENV === 'production') {
    throw new SimulatorRefusedError(
      'wt-eherkenning-sim is a simulator for development and tests and does not start with NODE_ENV=production.',
    );
  }
}
