import { z } from 'zod/mini';

/** Schema of `POST /eherkenning/start`. */
export const EherkenningStartRequestSchema = z.object({
  supplierId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The page to come back to; it must be on the server's allow-list. */
  returnTo: z.url({ protocol: /^https?$/ }).check(z.maxLength(2048)),
});

/** Body of `POST /eherkenning/start`. */
export type EherkenningStartRequest = z.input<typeof EherkenningStartRequestSchema>;

/** Schema of the answer of `POST /eherkenning/start`: where to send the browser. */
export const EherkenningStartSchema = z.object({ redirectUrl: z.url({ protocol: /^https?$/ }) });

/** The answer of `POST /eherkenning/start`. */
export type EherkenningStart = z.infer<typeof EherkenningStartSchema>;
