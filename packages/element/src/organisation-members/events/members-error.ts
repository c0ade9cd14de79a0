import type { ErrorCode } from '@wij-techniek/onboarding-sdk';
import type { MembersAction } from '@wij-techniek/onboarding-sdk/organisation';

/** What {@link WtMembersErrorEvent} carries. */
export interface WtMembersErrorEventDetail {
  /** The contract's error code, the same the element shows a message for. */
  readonly code: ErrorCode;
  /** What the person was doing: `load`, `invite`, `update`, `remove` or `withdraw`. */
  readonly action: MembersAction;
}

/**
 * `wt-error` of `<wt-organisation-members>`: something the administrator did failed; the element shows what
 * happened and what to do next. Same name and `code` as `<wt-onboarding>`'s `wt-error`; where that one names the
 * `step`, this one names the `action`. (`GlobalEventHandlersEventMap['wt-error']` is `<wt-onboarding>`'s type;
 * check `event instanceof WtMembersErrorEvent` to read `action`.)
 */
export class WtMembersErrorEvent extends Event {
  readonly detail: WtMembersErrorEventDetail;

  constructor(detail: WtMembersErrorEventDetail) {
    super('wt-error', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
