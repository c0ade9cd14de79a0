import { z } from 'zod/mini';
import { EmailSchema, LanguageSchema, PasswordSchema, PersonNameSchema } from '../fields.js';
import { VerificationCodeSchema } from '../verification-code.js';

/** Schema of `POST /signup/email` and `POST /password/forgot`. */
export const EmailRequestSchema = z.object({
  email: EmailSchema,
  lang: z.optional(LanguageSchema),
});

/** Body of `POST /signup/email` and `POST /password/forgot`. */
export type EmailRequest = z.input<typeof EmailRequestSchema>;

/** Schema of `POST /signup/code` and `POST /password/code`. */
export const CodeRequestSchema = z.object({ code: VerificationCodeSchema });

/** Body of `POST /signup/code` and `POST /password/code`. */
export type CodeRequest = z.input<typeof CodeRequestSchema>;

/** Schema of `POST /signup/account`. */
export const AccountRequestSchema = z.object({
  password: PasswordSchema,
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
});

/** Body of `POST /signup/account`. */
export type AccountRequest = z.input<typeof AccountRequestSchema>;
