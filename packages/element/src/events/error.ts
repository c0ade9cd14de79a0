import type { ErrorCode, StepId } from '@wij-techniek/onboarding-sdk';

/** What {@link WtErrorEvent} carries. */
export interface WtErrorEventDetail {
  /** The contract's error code, the same the element shows a message for. */
  readonly code: ErrorCode;
  /** The step on which it happened. */
  readonly step: StepId;
}

/** Something the person did failed; the element shows what happened and what to do next. For analytics. */
export class WtErrorEvent extends Event {
  readonly detail: WtErrorEventDetail;

  constructor(detail: WtErrorEventDetail) {
    super('wt-error', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-error': WtErrorEvent;
  }
}
