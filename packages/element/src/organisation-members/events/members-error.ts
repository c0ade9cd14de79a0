import type { ErrorCode } from '@wij-techniek/onboarding-sdk';
import type { MembersAction } from '@wij-techniek/onboarding-sdk/organisation';
import type { WtErrorEvent } from '../../events/error.js';

/** What {@link WtMembersErrorEvent} carries. */
export interface WtMembersErrorEventDetail {
  /** The contract's error code, the same the element shows a message for. */
  readonly code: ErrorCode;
  /** What the person was doing: `load`, `invite`, `update`, `remove` or `withdraw`. */
  readonly action: MembersAction;
}

/**
 * `wt-error` of `<wt-organisation-members>`: something the administrator did failed; the element shows what
 * happened and what to do next. Same name and `code` as `<wt-onboarding>`'s {@link WtErrorEvent}; where that one
 * names the `step`, this one names the `action`. A listener for `wt-error` gets either (the event map says so);
 * check `event instanceof WtMembersErrorEvent` before reading `detail.action`.
 */
export class WtMembersErrorEvent extends Event {
  readonly detail: WtMembersErrorEventDetail;

  constructor(detail: WtMembersErrorEventDetail) {
    super('wt-error', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    // The same declaration as in events/error.ts (merged declarations must agree): either element's wt-error.
    'wt-error': WtErrorEvent | WtMembersErrorEvent;
  }
}
