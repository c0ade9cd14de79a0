/** The prefix under which the API is served; the element's `api-base` defaults to it. */
export const API_PREFIX = '/api/v1';

/**
 * Every endpoint of the HTTP contract (DESIGN.md), by name: method and path relative to {@link API_PREFIX}.
 * `{id}`-style segments are filled in with {@link endpointPath}.
 */
export const ENDPOINTS = {
  config: { method: 'GET', path: '/config' },
  signupEmail: { method: 'POST', path: '/signup/email' },
  signupCode: { method: 'POST', path: '/signup/code' },
  signupCodeResend: { method: 'POST', path: '/signup/code/resend' },
  signupAccount: { method: 'POST', path: '/signup/account' },
  login: { method: 'POST', path: '/login' },
  logout: { method: 'POST', path: '/logout' },
  passwordForgot: { method: 'POST', path: '/password/forgot' },
  passwordCode: { method: 'POST', path: '/password/code' },
  passwordCodeResend: { method: 'POST', path: '/password/code/resend' },
  passwordReset: { method: 'POST', path: '/password/reset' },
  session: { method: 'GET', path: '/session' },
  eherkenningStart: { method: 'POST', path: '/eherkenning/start' },
  eherkenningCallback: { method: 'GET', path: '/eherkenning/callback' },
  organisation: { method: 'GET', path: '/organisations/{organisationId}' },
  members: { method: 'GET', path: '/organisations/{organisationId}/members' },
  inviteMember: { method: 'POST', path: '/organisations/{organisationId}/members' },
  updateMember: { method: 'PATCH', path: '/organisations/{organisationId}/members/{memberId}' },
  removeMember: { method: 'DELETE', path: '/organisations/{organisationId}/members/{memberId}' },
  invitations: { method: 'GET', path: '/organisations/{organisationId}/invitations' },
  withdrawInvitation: { method: 'DELETE', path: '/organisations/{organisationId}/invitations/{invitationId}' },
  audit: { method: 'GET', path: '/organisations/{organisationId}/audit' },
  lookupInvitation: { method: 'POST', path: '/invitations/lookup' },
  acceptInvitation: { method: 'POST', path: '/invitations/accept' },
} as const satisfies Record<string, { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: `/${string}` }>;

/** The name of an endpoint in {@link ENDPOINTS}. */
export type EndpointName = keyof typeof ENDPOINTS;

/** Fills the `{name}` segments of an endpoint's path, each value URI-encoded. */
export function endpointPath(name: EndpointName, params: Readonly<Record<string, string>> = {}): string {
  return ENDPOINTS[name].path.replace(/\{(\w+)\}/gu, (_match, key: string) => {
    const value = params[key];
    if (value === undefined) throw new TypeError(`endpointPath: missing parameter "${key}" for ${name}`);
    return encodeURIComponent(value);
  });
}
