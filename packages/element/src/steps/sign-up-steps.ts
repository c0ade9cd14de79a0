import { STEP_IDS, type StepId } from '@wij-techniek/onboarding-sdk';

/**
 * The steps of the sign-up path in order, for "Step n of m"; other paths show no progress. The contract lists
 * them first, from `start` to `verified`, before the password and invitation paths.
 */
export const SIGN_UP_STEPS: readonly StepId[] = STEP_IDS.slice(0, STEP_IDS.indexOf('verified') + 1);

/** The number "Step n of m" shows on `step` of the sign-up path (1 for the first). */
export function stepNumber(step: StepId): number {
  return SIGN_UP_STEPS.indexOf(step) + 1;
}
