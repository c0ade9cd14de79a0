/**
 * `@wij-techniek/onboarding-sdk`: a typed client of the onboarding's HTTP API and the flow as a framework-free
 * state machine, for any UI (the `<wt-onboarding>` element is one). Managing an organisation's people is in
 * `@wij-techniek/onboarding-sdk/organisation`.
 *
 * @example
 * ```ts
 * import { createOnboardingFlow, type FlowState } from '@wij-techniek/onboarding-sdk';
 *
 * const flow = createOnboardingFlow();
 * const render = (state: FlowState) => {
 *   switch (state.step) {
 *     case 'start':
 *       return state.actions.begin();
 *     case 'verified':
 *       return console.log(`Verified for ${state.organisation.name}`);
 *     default:
 *       return console.log(state.step, state.busy, state.error?.code);
 *   }
 * };
 * flow.subscribe(render);
 * render(await flow.restore());
 * ```
 *
 * @packageDocumentation
 * @module @wij-techniek/onboarding-sdk
 */
export { CodedTypeError, OnboardingError, type OnboardingErrorOptions } from './errors.js';
export { createOnboardingClient } from './client.js';
export type { InvitationLookupRequest, OnboardingClient, OnboardingClientOptions, RequestOptions } from './client.js';
export * from './contract.js';
export type * from './flow/states.js';
export * from './flow/events.js';
export { OnboardingFlow, createOnboardingFlow, STEP_STORAGE_KEY } from './flow/flow.js';
export type { FlowEventListener, FlowListener, OnboardingFlowOptions, StepHistory, StepStorage } from './flow/flow.js';
export type { Listener, ListenerOptions } from './listener.js';
export { INVITATION_PARAM } from './flow/location.js';
export { LOCAL_STEPS, transition } from './flow/transition.js';
export type { FlowEvent, FlowFacts, FlowStateData, LocalStepId, WithoutActions } from './flow/transition.js';
