import type { Config } from '../config.js';
import type { SupplierProvider } from '../context.js';
import type { Logger } from '../logger.js';
import type { RouteModule } from './route-module.js';

// Placeholder owned by the eHerkenning work (issue 4): it replaces this file with POST /eherkenning/start and
// GET /eherkenning/callback, and a supplier provider backed by the relying party. Until then: no routes, no
// suppliers.

/** The eHerkenning routes. */
export const eherkenningRoutes: RouteModule = {
  name: 'eherkenning',
  register() {},
};

/** The supplier list for `GET /config`, used when `createServer` is not given one. */
export function createSupplierProvider(_options: { config: Config; logger: Logger }): SupplierProvider {
  return () => Promise.resolve([]);
}
