import type { SafeParseSchema } from '../validation.js';

/** The prefix under which the API is served; the element's `api-base` defaults to it. */
export const API_PREFIX = '/api/v1';

/**
 * Every endpoint of the HTTP contract (DESIGN.md), by name: method and path relative to {@link API_PREFIX}.
 * `{id}`-style segments are filled in with {@link endpointPath}. `status` is the status of success; the schema
 * of the answer is named in {@link ENDPOINT_ANSWERS}, and both schemas are in `ONBOARDING_ENDPOINT_SCHEMAS` and
 * `ORGANISATION_ENDPOINT_SCHEMAS`.
 */
export const ENDPOINTS = {
  config: { method: 'GET', path: '/config', status: 200 },
  signupEmail: { method: 'POST', path: '/signup/email', status: 202 },
  signupCode: { method: 'POST', path: '/signup/code', status: 200 },
  signupCodeResend: { method: 'POST', path: '/signup/code/resend', status: 202 },
  signupAccount: { method: 'POST', path: '/signup/account', status: 201 },
  login: { method: 'POST', path: '/login', status: 200 },
  logout: { method: 'POST', path: '/logout', status: 204 },
  passwordForgot: { method: 'POST', path: '/password/forgot', status: 202 },
  passwordCode: { method: 'POST', path: '/password/code', status: 200 },
  passwordCodeResend: { method: 'POST', path: '/password/code/resend', status: 202 },
  passwordReset: { method: 'POST', path: '/password/reset', status: 200 },
  session: { method: 'GET', path: '/session', status: 200 },
  eherkenningStart: { method: 'POST', path: '/eherkenning/start', status: 200 },
  eherkenningCallback: { method: 'GET', path: '/eherkenning/callback', status: 303 },
  organisation: { method: 'GET', path: '/organisations/{organisationId}', status: 200 },
  members: { method: 'GET', path: '/organisations/{organisationId}/members', status: 200 },
  inviteMember: { method: 'POST', path: '/organisations/{organisationId}/members', status: 201 },
  updateMember: { method: 'PATCH', path: '/organisations/{organisationId}/members/{memberId}', status: 200 },
  removeMember: { method: 'DELETE', path: '/organisations/{organisationId}/members/{memberId}', status: 204 },
  invitations: { method: 'GET', path: '/organisations/{organisationId}/invitations', status: 200 },
  withdrawInvitation: {
    method: 'DELETE',
    path: '/organisations/{organisationId}/invitations/{invitationId}',
    status: 204,
  },
  audit: { method: 'GET', path: '/organisations/{organisationId}/audit', status: 200 },
  lookupInvitation: { method: 'POST', path: '/invitations/lookup', status: 200 },
  acceptInvitation: { method: 'POST', path: '/invitations/accept', status: 200 },
} as const satisfies Record<
  string,
  { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: `/${string}`; status: number }
>;

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

/**
 * The schema name of each endpoint's successful answer (`null`: no body). Sign-in answers (`signupAccount`,
 * `login`, `passwordReset`, `acceptInvitation`) are the new session.
 */
export const ENDPOINT_ANSWERS = {
  config: 'ConfigSchema',
  signupEmail: 'FlowAcceptedSchema',
  signupCode: 'StepAnswerSchema',
  signupCodeResend: 'FlowAcceptedSchema',
  signupAccount: 'SessionSchema',
  login: 'SessionSchema',
  logout: null,
  passwordForgot: 'FlowAcceptedSchema',
  passwordCode: 'StepAnswerSchema',
  passwordCodeResend: 'FlowAcceptedSchema',
  passwordReset: 'SessionSchema',
  session: 'SessionSchema',
  eherkenningStart: 'EherkenningStartSchema',
  eherkenningCallback: null,
  organisation: 'OrganisationViewSchema',
  members: 'MemberListSchema',
  inviteMember: 'InvitationCreatedSchema',
  updateMember: 'MemberUpdatedSchema',
  removeMember: null,
  invitations: 'InvitationListSchema',
  withdrawInvitation: null,
  audit: 'AuditLogSchema',
  lookupInvitation: 'InvitationPreviewSchema',
  acceptInvitation: 'SessionSchema',
} as const satisfies Record<EndpointName, string | null>;

/**
 * The schemas of one endpoint: of the body it takes and of its answer, each absent when there is none. The
 * tables `ONBOARDING_ENDPOINT_SCHEMAS` and `ORGANISATION_ENDPOINT_SCHEMAS` hold them, with zod schemas in the
 * main entry and their zod-free twins in `./lite`.
 */
export interface EndpointSchemas {
  readonly body?: SafeParseSchema;
  readonly answer?: SafeParseSchema;
}
