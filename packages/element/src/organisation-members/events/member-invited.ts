import type { Invitation } from '@wij-techniek/onboarding-sdk';

/** What {@link WtMemberInvitedEvent} carries. */
export interface WtMemberInvitedEventDetail {
  /** The invitation the server sent (the link itself went only to the invited address). */
  readonly invitation: Invitation;
}

/** The administrator invited a colleague and the server mailed the invitation. */
export class WtMemberInvitedEvent extends Event {
  readonly detail: WtMemberInvitedEventDetail;

  constructor(detail: WtMemberInvitedEventDetail) {
    super('wt-member-invited', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-member-invited': WtMemberInvitedEvent;
  }
}
