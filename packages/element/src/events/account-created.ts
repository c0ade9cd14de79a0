import type { Account } from '@wij-techniek/onboarding-sdk';

/** What {@link WtAccountCreatedEvent} carries. */
export interface WtAccountCreatedEventDetail {
  /** The new account, signed in. */
  readonly account: Account;
}

/** A new Wij Techniek account was created (sign-up or accepted invitation) and is signed in. */
export class WtAccountCreatedEvent extends Event {
  readonly detail: WtAccountCreatedEventDetail;

  constructor(detail: WtAccountCreatedEventDetail) {
    super('wt-account-created', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-account-created': WtAccountCreatedEvent;
  }
}
