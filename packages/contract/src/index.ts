/**
 * The contract of the Wij Techniek onboarding: the zod schemas and types of every request and answer of the
 * HTTP API, the closed lists of error codes and step ids, the verification-code rules and the password policy.
 * The server, the SDK and the element all build on this package, so they agree by construction.
 *
 * @packageDocumentation
 * @module @wij-techniek/onboarding-contract
 */
import './zod-config.js';

export * from './errors.js';
export * from './steps.js';
export * from './fields.js';
export * from './validation.js';
export * from './password-policy.js';
export * from './verification-code.js';
export * from './eherkenning.js';
export * from './organisation.js';
export * from './api/endpoints.js';
export * from './api/problem.js';
export * from './api/config.js';
export * from './api/session.js';
export * from './api/signup.js';
export * from './api/login.js';
export * from './api/password.js';
export * from './api/eherkenning.js';
export * from './api/organisations.js';
export * from './api/endpoint-schemas.js';
