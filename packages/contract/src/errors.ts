import { z } from 'zod/mini';
import { ERROR_CODES } from './core/errors.js';

export * from './core/errors.js';

/** Schema of an error code. */
export const ErrorCodeSchema = z.enum(ERROR_CODES);
