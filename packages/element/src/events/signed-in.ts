import type { Account } from '@wij-techniek/onboarding-sdk';

/** What {@link WtSignedInEvent} carries. */
export interface WtSignedInEventDetail {
  /** The account that signed in. */
  readonly account: Account;
}

/** The person signed in with an existing account (or after choosing a new password). */
export class WtSignedInEvent extends Event {
  readonly detail: WtSignedInEventDetail;

  constructor(detail: WtSignedInEventDetail) {
    super('wt-signed-in', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-signed-in': WtSignedInEvent;
  }
}
