import { startSimulator, type RunningSimulator } from '@wij-techniek/eherkenning-sim';
import { startStack, TEST_PUBLIC_URL, type Backend, type StackOptions, type TestStack } from './harness.ts';

/** A test stack whose eHerkenning broker is the real simulator. */
export interface SimulatedStack {
  readonly sim: RunningSimulator;
  readonly stack: TestStack;
  /** The redirect URI the simulator has registered: the stack's own callback. */
  readonly callback: string;
  /** The stack's `EHERKENNING_*` variables, for a second instance on the same broker. */
  readonly brokerEnv: Readonly<Record<string, string>>;
}

/**
 * Starts the eHerkenning simulator with one client, `wt-<name>`, registered for the stack's callback (from the
 * `PUBLIC_URL` in `options.env`, or the default), then a stack on `backend` that uses it. Close the stack, then
 * the simulator.
 */
export async function startWithSimulator(
  backend: Backend,
  name: string,
  options: StackOptions = {},
): Promise<SimulatedStack> {
  const callback = `${options.env?.PUBLIC_URL ?? TEST_PUBLIC_URL}/api/v1/eherkenning/callback`;
  const client = { clientId: `wt-${name}`, clientSecret: `${name}-secret-0123456789abcdefghij` };
  const sim = await startSimulator({ port: 0, clients: [{ ...client, redirectUris: [callback] }], env: {} });
  const brokerEnv = {
    EHERKENNING_ISSUER: sim.issuer,
    EHERKENNING_CLIENT_ID: client.clientId,
    EHERKENNING_CLIENT_SECRET: client.clientSecret,
  };
  try {
    const stack = await startStack(backend, { ...options, env: { ...brokerEnv, ...options.env } });
    return { sim, stack, callback, brokerEnv };
  } catch (error) {
    await sim.close();
    throw error;
  }
}
