import type { Organisation } from '@wij-techniek/onboarding-sdk';

/** What {@link WtVerifiedEvent} carries. */
export interface WtVerifiedEventDetail {
  /** The organisation eHerkenning verified, as the server confirmed it. */
  readonly organisation: Organisation;
}

/** The server confirmed that eHerkenning (level 3) verified the account for an organisation. */
export class WtVerifiedEvent extends Event {
  readonly detail: WtVerifiedEventDetail;

  constructor(detail: WtVerifiedEventDetail) {
    super('wt-verified', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-verified': WtVerifiedEvent;
  }
}
