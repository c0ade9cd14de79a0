import { createHash } from 'node:crypto';
import { CLAIM_NAMES, KVK_IDENTIFIER_TYPE } from './claims.js';
import type { SimulatedLevel } from './levels.js';

/** A company that test identities act for. All data is made up (KvK test numbers from developers.kvk.nl). */
export interface SimulatedCompany {
  readonly name: string;
  /** Eight digits, no checksum (EHERKENNING.md §5). */
  readonly kvkNumber: string;
  /** Twelve digits, leading zeros kept. */
  readonly branchNumber: string;
}

/** A person who can log in at the simulated supplier, acting for one company at one level. */
export interface SimulatedIdentity {
  /** Stable id, used as the form value and in tests. */
  readonly id: string;
  readonly personName: string;
  /** What the person is for in tests and demos, shown on the login page. */
  readonly role: string;
  readonly company: SimulatedCompany;
  readonly level: SimulatedLevel;
}

const DE_VRIES: SimulatedCompany = {
  name: 'Installatiebedrijf De Vries B.V. (simulatie)',
  kvkNumber: '68750110',
  branchNumber: '000037178598',
};
const BAKKER: SimulatedCompany = {
  name: 'Bakker Elektrotechniek (simulatie)',
  kvkNumber: '69599084',
  branchNumber: '000038509504',
};
const JANSEN: SimulatedCompany = {
  name: 'Jansen Klimaattechniek V.O.F. (simulatie)',
  kvkNumber: '69599076',
  branchNumber: '000037178601',
};
const SMIT: SimulatedCompany = {
  name: 'Smit Warmtepompen N.V. (simulatie)',
  kvkNumber: '90004760',
  branchNumber: '990000541921',
};

/**
 * The test identities, in the order the login page shows them. Every case the onboarding must handle has one:
 * a first administrator at EH3, a colleague of the same company at EH3, an EH4 login, an EH2 login that is too
 * low, and a second company.
 */
export const SIMULATED_IDENTITIES: readonly SimulatedIdentity[] = [
  {
    id: 'jan-de-vries',
    personName: 'Jan de Vries',
    role: 'eerste beheerder',
    company: DE_VRIES,
    level: 'EH3',
  },
  {
    id: 'fatima-el-amrani',
    personName: 'Fatima el Amrani',
    role: 'collega bij hetzelfde bedrijf',
    company: DE_VRIES,
    level: 'EH3',
  },
  {
    id: 'pieter-bakker',
    personName: 'Pieter Bakker',
    role: 'inlogmiddel op het hoogste niveau',
    company: BAKKER,
    level: 'EH4',
  },
  {
    id: 'sanne-jansen',
    personName: 'Sanne Jansen',
    role: 'niveau te laag voor de onboarding',
    company: JANSEN,
    level: 'EH2',
  },
  {
    id: 'eva-smit',
    personName: 'Eva Smit',
    role: 'tweede bedrijf',
    company: SMIT,
    level: 'EH3',
  },
];

/** The identity with `id`, if there is one. */
export function findIdentity(id: string | undefined): SimulatedIdentity | undefined {
  return SIMULATED_IDENTITIES.find((identity) => identity.id === id);
}

/**
 * The person's pseudonym for one company: stable across restarts and different for every (person, company)
 * pair, like the pseudonym a machtigingenregister assigns. It is the OIDC `sub` and the ActingSubjectID.
 */
export function pseudonymOf(identity: SimulatedIdentity): string {
  const digest = createHash('sha256').update(`${identity.id}\u0000${identity.company.kvkNumber}`).digest('hex');
  return `${digest}@sim.eherkenning.test`;
}

/** The identity whose pseudonym is `sub`, if any: how the provider finds the account behind a token. */
export function findIdentityByPseudonym(sub: string): SimulatedIdentity | undefined {
  return SIMULATED_IDENTITIES.find((identity) => pseudonymOf(identity) === sub);
}

/** The eHerkenning claims of an identity, named as {@link CLAIM_NAMES} names them. */
export function claimsOf(identity: SimulatedIdentity): Record<string, string> {
  return {
    sub: pseudonymOf(identity),
    [CLAIM_NAMES.legalSubject]: identity.company.kvkNumber,
    [CLAIM_NAMES.identifierType]: KVK_IDENTIFIER_TYPE,
    [CLAIM_NAMES.actingSubject]: pseudonymOf(identity),
    [CLAIM_NAMES.branchNumber]: identity.company.branchNumber,
    [CLAIM_NAMES.companyName]: identity.company.name,
  };
}
