import type { Invitation } from '@wij-techniek/onboarding-sdk';

/** What {@link WtInvitationWithdrawnEvent} carries. */
export interface WtInvitationWithdrawnEventDetail {
  readonly invitation: Invitation;
}

/** The server withdrew a pending invitation; its link no longer works. */
export class WtInvitationWithdrawnEvent extends Event {
  readonly detail: WtInvitationWithdrawnEventDetail;

  constructor(detail: WtInvitationWithdrawnEventDetail) {
    super('wt-invitation-withdrawn', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-invitation-withdrawn': WtInvitationWithdrawnEvent;
  }
}
