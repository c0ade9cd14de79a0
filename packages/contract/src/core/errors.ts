// Zod-free, so the lite entry can use it; ../errors.ts adds the zod schema.

/**
 * Every error code the onboarding speaks. One vocabulary for the server's problem details, the SDK's
 * `OnboardingError.code`, the element's `wt-error` event and the translation keys under `errors`.
 *
 * The list is closed: adding a code is a change to the contract, never an ad-hoc string.
 */
export const ERROR_CODES = [
  // Input and transport, answered by the server.
  'invalid_request',
  'invalid_email',
  'unsupported_media_type',
  'payload_too_large',
  'origin_not_allowed',
  'method_not_allowed',
  'not_found',
  'rate_limited',
  // The e-mailed verification code.
  'code_invalid',
  'code_expired',
  'too_many_attempts',
  'resend_too_soon',
  // Passwords.
  'password_policy',
  'password_unchanged',
  // Flow and session.
  'step_out_of_order',
  'flow_expired',
  'session_expired',
  'invalid_credentials',
  'not_signed_in',
  // eHerkenning.
  'unknown_supplier',
  'return_to_not_allowed',
  'eherkenning_cancelled',
  'eherkenning_level_too_low',
  'eherkenning_failed',
  'broker_unavailable',
  // Organisations, members and invitations.
  'forbidden',
  'last_administrator',
  'already_member',
  'invitation_invalid',
  'invitation_expired',
  'invitation_email_mismatch',
  // The server could not do its part.
  'service_unavailable',
  'internal_error',
  // Raised by the client side only, never sent by the server.
  'passwords_differ',
  'network_error',
  'timeout',
  'invalid_response',
  'invalid_transition',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes that only the SDK or the element raise; the server never answers with them. */
export const CLIENT_ERROR_CODES = [
  'passwords_differ',
  'network_error',
  'timeout',
  'invalid_response',
  'invalid_transition',
] as const satisfies readonly ErrorCode[];

/** A code the server may answer with. */
export type ServerErrorCode = Exclude<ErrorCode, (typeof CLIENT_ERROR_CODES)[number]>;

/**
 * The HTTP status that goes with each server error code. The server answers exactly these; the SDK
 * relies on them only for retry decisions.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  invalid_email: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  origin_not_allowed: 403,
  method_not_allowed: 405,
  not_found: 404,
  rate_limited: 429,
  code_invalid: 400,
  code_expired: 410,
  too_many_attempts: 429,
  resend_too_soon: 429,
  password_policy: 422,
  password_unchanged: 422,
  step_out_of_order: 409,
  flow_expired: 410,
  session_expired: 401,
  invalid_credentials: 401,
  not_signed_in: 401,
  unknown_supplier: 400,
  return_to_not_allowed: 400,
  eherkenning_cancelled: 400,
  eherkenning_level_too_low: 403,
  eherkenning_failed: 502,
  broker_unavailable: 503,
  forbidden: 403,
  last_administrator: 409,
  already_member: 409,
  invitation_invalid: 400,
  invitation_expired: 410,
  invitation_email_mismatch: 403,
  service_unavailable: 503,
  internal_error: 500,
} as const satisfies Record<ServerErrorCode, number>;

/** True when `value` is one of {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The code for a request body its schema refuses, given what `validate` found (`issues`, by field path; `""` is
 * the body as a whole): `invalid_email` when the address is the only field at fault, so the person is sent back
 * to the address alone, `invalid_request` otherwise (the fields named). The server answers with it and the SDK
 * refuses with it before sending, so a body gets the same code from both.
 */
export function invalidBodyCode(issues: Readonly<Record<string, unknown>>): 'invalid_email' | 'invalid_request' {
  const fields = Object.keys(issues);
  return fields.length === 1 && fields[0] === 'email' ? 'invalid_email' : 'invalid_request';
}

/** The `type` URI of the problem details for a code (RFC 9457 §3.1.1). */
export function problemType(code: ErrorCode): string {
  return `urn:wij-techniek:onboarding:problem:${code}`;
}

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
