import { z } from 'zod/mini';

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

/** Assurance levels of eHerkenning; the onboarding needs {@link MINIMUM_EHERKENNING_LEVEL} or more. */
export const EHERKENNING_LEVELS = ['EH1', 'EH2', 'EH2+', 'EH3', 'EH4'] as const;

/** One of {@link EHERKENNING_LEVELS}. */
export type EherkenningLevel = (typeof EHERKENNING_LEVELS)[number];

/** The level the onboarding requires. */
export const MINIMUM_EHERKENNING_LEVEL: EherkenningLevel = 'EH3';

/** The outcomes the callback reports in the `wt-eherkenning` query parameter. */
export const EHERKENNING_OUTCOMES = ['verified', 'cancelled', 'level_too_low', 'failed'] as const;

/** One of {@link EHERKENNING_OUTCOMES}. */
export type EherkenningOutcome = (typeof EHERKENNING_OUTCOMES)[number];

/** Schema of an outcome. */
export const EherkenningOutcomeSchema = z.enum(EHERKENNING_OUTCOMES);

/** The query parameter with which the callback tells the page how eHerkenning went. */
export const EHERKENNING_OUTCOME_PARAM = 'wt-eherkenning';
