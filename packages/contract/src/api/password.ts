import { z } from 'zod/mini';
import { PasswordSchema } from '../fields.js';

/** Schema of `POST /password/reset`. */
export const PasswordResetRequestSchema = z.object({ password: PasswordSchema });

/** Body of `POST /password/reset`. */
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;
