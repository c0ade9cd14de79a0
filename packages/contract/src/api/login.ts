import { z } from 'zod/mini';
import { EmailSchema, PasswordSchema } from '../fields.js';

/** Schema of `POST /login`. */
export const LoginRequestSchema = z.object({
  email: EmailSchema,
  password: PasswordSchema,
});

/** Body of `POST /login`. */
export type LoginRequest = z.input<typeof LoginRequestSchema>;
