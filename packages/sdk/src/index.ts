/**
 * `@wij-techniek/onboarding-sdk`: a typed client of the onboarding's HTTP API and the flow as a framework-free
 * state machine, for any UI (the `<wt-onboarding>` element is one).
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './client.js';
export type * from './flow/states.js';
export * from './flow/events.js';
