import type { FlowState } from '@wij-techniek/onboarding-sdk';

/** The steps of the sign-up path in order, for "Step n of m"; other paths show no progress. */
export const SIGN_UP_STEPS = [
  'start',
  'eherkenning-info',
  'account',
  'email',
  'code',
  'details',
  'supplier',
  'verified',
] as const satisfies readonly FlowState['step'][];

/** The number "Step n of m" shows on `step` of the sign-up path (1 for the first). */
export function stepNumber(step: (typeof SIGN_UP_STEPS)[number]): number {
  return SIGN_UP_STEPS.indexOf(step) + 1;
}
