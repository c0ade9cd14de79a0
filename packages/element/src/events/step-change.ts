import type { StepId } from '@wij-techniek/onboarding-sdk';

/** What {@link WtStepChangeEvent} carries. */
export interface WtStepChangeEventDetail {
  /** The step now shown. */
  readonly step: StepId;
  /** The step shown before. */
  readonly previousStep: StepId;
}

/** The flow moved to another step. Dispatched only because the flow moved, never on a property set. */
export class WtStepChangeEvent extends Event {
  readonly detail: WtStepChangeEventDetail;

  constructor(detail: WtStepChangeEventDetail) {
    super('wt-step-change', { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wt-step-change': WtStepChangeEvent;
  }
}
