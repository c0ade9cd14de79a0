import type { EherkenningLevel } from '@wij-techniek/onboarding-contract';

/** The eToegang URN of each level (EHERKENNING.md §1.3). */
export const LEVEL_URNS = {
  EH1: 'urn:etoegang:core:assurance-class:loa1',
  EH2: 'urn:etoegang:core:assurance-class:loa2',
  'EH2+': 'urn:etoegang:core:assurance-class:loa2plus',
  EH3: 'urn:etoegang:core:assurance-class:loa3',
  EH4: 'urn:etoegang:core:assurance-class:loa4',
} as const satisfies Record<EherkenningLevel, string>;

/** What the onboarding asks the broker for: EH3. */
export const REQUESTED_ACR = LEVEL_URNS.EH3;

/** The levels the onboarding accepts, by URN (O9): EH3 or higher. */
export const ACCEPTED_LEVELS: Readonly<Record<string, 'EH3' | 'EH4'>> = {
  [LEVEL_URNS.EH3]: 'EH3',
  [LEVEL_URNS.EH4]: 'EH4',
};
