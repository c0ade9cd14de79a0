/** The eHerkenning assurance levels the simulator can hand out. */
export type SimulatedLevel = 'EH2' | 'EH2+' | 'EH3' | 'EH4';

/** The eToegang URN of each level (EHERKENNING.md §1.3), as it travels in `acr`. */
export const LEVEL_URNS: Readonly<Record<SimulatedLevel, string>> = {
  EH2: 'urn:etoegang:core:assurance-class:loa2',
  'EH2+': 'urn:etoegang:core:assurance-class:loa2plus',
  EH3: 'urn:etoegang:core:assurance-class:loa3',
  EH4: 'urn:etoegang:core:assurance-class:loa4',
};

const ORDER: readonly SimulatedLevel[] = ['EH2', 'EH2+', 'EH3', 'EH4'];

/** The level whose URN is `urn`, if any. */
export function levelOfUrn(urn: string | undefined): SimulatedLevel | undefined {
  return ORDER.find((level) => LEVEL_URNS[level] === urn);
}

/** True when `level` is at least `minimum`: a higher means may log in to a lower-level service. */
export function meetsLevel(level: SimulatedLevel, minimum: SimulatedLevel): boolean {
  return ORDER.indexOf(level) >= ORDER.indexOf(minimum);
}
