// Zod-free, so the lite entry can use it; ../eherkenning.ts adds the zod schemas.

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

/** The query parameter with which the callback tells the page how eHerkenning went. */
export const EHERKENNING_OUTCOME_PARAM = 'wt-eherkenning';
