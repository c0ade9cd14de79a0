import { ClientsConfigError, parseClients } from './clients.js';
import { assertNotProduction, SimulatorRefusedError } from './production-guard.js';

/**
 * `wt-eherkenning-sim`: starts the simulated broker from the environment (`PORT`, default 8788; `CLIENTS`;
 * `ISSUER`, default `http://localhost:<PORT>`; `FORM_ACTION_ORIGINS`, comma-separated origins where a login may end
 * besides the redirect URIs') and stops cleanly on SIGINT/SIGTERM. Every refusal is one line.
 */
async function main(): Promise<void> {
  // Checked before oidc-provider is loaded, so that the refusal is the only line printed.
  assertNotProduction(process.env);
  const port = Number(process.env.PORT ?? '8788');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ClientsConfigError(`PORT "${process.env.PORT}" is not a port number.`);
  }
  const clients = parseClients(process.env.CLIENTS);
  const formActionOrigins = (process.env.FORM_ACTION_ORIGINS ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of formActionOrigins) {
    if ((URL.canParse(item) ? new URL(item).origin : 'null') === 'null') {
      throw new ClientsConfigError(`FORM_ACTION_ORIGINS: "${item}" is not an origin such as http://localhost:5173.`);
    }
  }
  const { startSimulator } = await import('./simulator.js');
  const simulator = await startSimulator({
    port,
    clients,
    formActionOrigins,
    ...(process.env.ISSUER ? { issuer: process.env.ISSUER } : {}),
  });
  console.log(`eHerkenning-simulatie draait op ${simulator.issuer} (leveranciers: ${simulator.suppliersUrl})`);
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const known = error instanceof SimulatorRefusedError || error instanceof ClientsConfigError;
  const message = known ? error.message : error instanceof Error ? error.message : String(error);
  console.error(`wt-eherkenning-sim: ${message}`);
  process.exit(1);
});
