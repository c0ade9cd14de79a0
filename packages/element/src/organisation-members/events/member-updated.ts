import type { Member, Right } from '@wij-techniek/onboarding-sdk';

/** What {@link WtMemberUpdatedEvent} carries. */
export interface WtMemberUpdatedEventDetail {
  /** The member with the rights the server saved. */
  readonly member: Member;
  /** The rights the member had before. */
  readonly previousRights: readonly Right[];
}

/** The server saved new rights for a member. */
export class WtMemberUpdatedEvent extends Event {
  readonly detail: WtMemberUpdatedEventDetail;

  constructor(detail: WtMemberUpdatedEventDetail) {
    super('wt-member-updated', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-member-updated': WtMemberUpdatedEvent;
  }
}
