import { z } from 'zod/mini';
import { EHERKENNING_OUTCOMES } from './core/eherkenning.js';

export * from './core/eherkenning.js';

/**
 * One eHerkenning supplier ("erkende leverancier") as the broker lists it. The person picks the one where they
 * bought their means; `id` is what the broker understands as the supplier hint.
 */
export const EherkenningSupplierSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
});

/** One eHerkenning supplier. */
export type EherkenningSupplier = z.infer<typeof EherkenningSupplierSchema>;

/** Schema of an outcome. */
export const EherkenningOutcomeSchema = z.enum(EHERKENNING_OUTCOMES);
