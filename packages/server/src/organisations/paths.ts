import { ENDPOINTS, type EndpointName } from '@wij-techniek/onboarding-contract';

/** The contract's path of `name` in Hono's syntax: `/organisations/{organisationId}` → `/organisations/:organisationId`. */
export function routePath(name: EndpointName): string {
  return ENDPOINTS[name].path.replace(/\{(\w+)\}/gu, ':$1');
}
