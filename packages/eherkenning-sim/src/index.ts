/**
 * A simulated eHerkenning broker for development and tests: a real OpenID Provider built on oidc-provider that
 * serves the supplier list, Dutch login pages with test identities, and ID tokens with the eToegang claims.
 * Never for production: it refuses to start with `NODE_ENV=production`.
 *
 * @packageDocumentation
 */
export { startSimulator } from './simulator.js';
export { SimulatorRefusedError } from './production-guard.js';
export type { RunningSimulator, SimulatorFaults, SimulatorOptions } from './simulator.js';
export { DEV_CLIENT, parseClients, ClientsConfigError } from './clients.js';
export type { SimulatedClient } from './clients.js';
export { SIMULATED_SUPPLIERS, SUPPLIER_PARAM, SUPPLIERS_PATH } from './suppliers.js';
export type { SimulatedSupplier } from './suppliers.js';
export { SIMULATED_IDENTITIES, pseudonymOf } from './identities.js';
export type { SimulatedCompany, SimulatedIdentity } from './identities.js';
export { LEVEL_URNS } from './levels.js';
export type { SimulatedLevel } from './levels.js';
export { CLAIM_NAMES, KVK_IDENTIFIER_TYPE, RSIN_IDENTIFIER_TYPE } from './claims.js';
export { SimulatorBrowser, formAction, signInAtSimulator } from './driver.js';
