import type { Account } from '@wij-techniek/onboarding-sdk';

/** What {@link WtSignedOutEvent} carries. */
export interface WtSignedOutEventDetail {
  /** The account that signed out, when the element knew it (it always does on the steps that offer signing out). */
  readonly account: Account | undefined;
}

/**
 * The person signed out with "Uitloggen" and the server ended the session; the element shows the start step. A
 * session that ends by itself is not this event: it is `wt-error` with `session_expired`.
 */
export class WtSignedOutEvent extends Event {
  readonly detail: WtSignedOutEventDetail;

  constructor(detail: WtSignedOutEventDetail) {
    super('wt-signed-out', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-signed-out': WtSignedOutEvent;
  }
}
