import type { Member } from '@wij-techniek/onboarding-sdk';

/** What {@link WtMemberRemovedEvent} carries. */
export interface WtMemberRemovedEventDetail {
  /** The member as they were before the removal. */
  readonly member: Member;
  /** True when the signed-in person removed themselves. */
  readonly self: boolean;
}

/** The server removed a member from the organisation. */
export class WtMemberRemovedEvent extends Event {
  readonly detail: WtMemberRemovedEventDetail;

  constructor(detail: WtMemberRemovedEventDetail) {
    super('wt-member-removed', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-member-removed': WtMemberRemovedEvent;
  }
}
