import {
  API_PREFIX,
  ENDPOINTS,
  ONBOARDING_ENDPOINT_SCHEMAS,
  ORGANISATION_ENDPOINT_SCHEMAS,
  validate,
  type EndpointName,
  type EndpointSchemas,
} from '@wij-techniek/onboarding-contract';

/** The contract's schemas of every endpoint, by name: the tables the SDK builds its client from. */
export const ENDPOINT_SCHEMAS: Readonly<Partial<Record<EndpointName, EndpointSchemas>>> = {
  ...ONBOARDING_ENDPOINT_SCHEMAS,
  ...ORGANISATION_ENDPOINT_SCHEMAS,
};

/** Each endpoint's method and its path as a pattern (`{organisationId}` matches one segment). */
const ROUTES = (Object.keys(ENDPOINTS) as EndpointName[]).map((name) => ({
  name,
  method: ENDPOINTS[name].method,
  pattern: new RegExp(`^${API_PREFIX}${ENDPOINTS[name].path.replace(/\{\w+\}/gu, '[^/]+')}$`, 'u'),
}));

/** The contract endpoint that `method` on `url` calls, or undefined (health, dev mailbox, an unknown path). */
export function endpointOf(method: string, url: string): EndpointName | undefined {
  const { pathname } = new URL(url);
  return ROUTES.find((route) => route.method === method && route.pattern.test(pathname))?.name;
}

/**
 * Throws when a successful answer (the endpoint's own status) of a contract endpoint does not match the answer
 * schema of the contract's tables: the schema the SDK reads that answer with. Every request a server test makes
 * through `Client` passes here, so the whole suite checks the answers against the contract.
 */
export function assertContractAnswer(method: string, url: string, status: number, body: unknown): void {
  const name = endpointOf(method, url);
  if (!name || status !== ENDPOINTS[name].status) return;
  const schema = ENDPOINT_SCHEMAS[name]?.answer;
  if (!schema) return;
  const result = validate(schema, body);
  if (!result.ok) {
    throw new Error(
      `${method} ${new URL(url).pathname} answered ${status} with a body its contract answer schema refuses: ${JSON.stringify(result.issues)}\n${JSON.stringify(body)}`,
    );
  }
}
