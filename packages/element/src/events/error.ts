import type { ErrorCode, StepId } from '@wij-techniek/onboarding-sdk';
import type { WtMembersErrorEvent } from '../organisation-members/events/members-error.js';

/** What {@link WtErrorEvent} carries. */
export interface WtErrorEventDetail {
  /** The contract's error code, the same the element shows a message for. */
  readonly code: ErrorCode;
  /** The step on which it happened. */
  readonly step: StepId;
}

/**
 * `wt-error` of `<wt-onboarding>`: something the person did failed; the element shows what happened and what to do
 * next. For analytics. `<wt-organisation-members>` fires a {@link WtMembersErrorEvent} under the same name, so a
 * listener for `wt-error` gets either; check `event instanceof WtErrorEvent` before reading `detail.step`.
 */
export class WtErrorEvent extends Event {
  readonly detail: WtErrorEventDetail;

  constructor(detail: WtErrorEventDetail) {
    super('wt-error', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /**
     * Both elements fire `wt-error`, with `detail.code` in common: `<wt-onboarding>` a {@link WtErrorEvent}
     * (`{ code, step }`), `<wt-organisation-members>` a {@link WtMembersErrorEvent} (`{ code, action }`). Events
     * bubble, so even a listener on one element can get the other's (a members element in the `verified` slot);
     * narrow with `instanceof` before reading `step` or `action`. (Declared alike in members-error.ts, so either
     * import gives the whole truth.)
     */
    'wt-error': WtErrorEvent | WtMembersErrorEvent;
  }
}
