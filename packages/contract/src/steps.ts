import { z } from 'zod/mini';
import { SERVER_STEP_IDS, STEP_IDS } from './core/steps.js';

export * from './core/steps.js';

/** Schema of a step id. */
export const StepIdSchema = z.enum(STEP_IDS);

/** Schema of `step` in server answers: `null` when this session has no server-side flow. */
export const ServerStepSchema = z.nullable(z.enum(SERVER_STEP_IDS));
