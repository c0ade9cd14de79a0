import type { ClaimMapping, ClaimPath } from './config.js';
import { EherkenningError } from './errors.js';
import { ACCEPTED_LEVELS } from './levels.js';

/** What eHerkenning proved, after every check: the person, the company and the level. */
export interface VerifiedIdentity {
  /** The broker's issuer identifier; with {@link VerifiedIdentity.subject} the identity key (O10). */
  readonly issuer: string;
  /** The person's identifier at that broker. */
  readonly subject: string;
  /** Eight digits. */
  readonly kvkNumber: string;
  readonly organisationName: string;
  /** Twelve digits, when the mandate names a branch. */
  readonly branchNumber: string | null;
  readonly level: 'EH3' | 'EH4';
}

/** The `namequalifier` value that marks a KvK number. */
export const KVK_IDENTIFIER_TYPE = 'urn:etoegang:1.9:EntityConcernedID:KvKnr';

const KVK = /^[0-9]{8}$/;
const BRANCH = /^[0-9]{12}$/;
const MAX_NAME = 200;
// eslint-disable-next-line no-control-regex -- a company name with control characters is not a name
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** The value at `path` inside `claims`, or undefined. Own properties only (no prototype lookups). */
export function claimAt(claims: Readonly<Record<string, unknown>>, path: ClaimPath): unknown {
  let current: unknown = claims;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * The level the broker reports, checked by our own code (O9): mapped through the configured mapping, and only
 * loa3 or loa4 pass. Missing or lower is `level_too_low`. `claims` are the ID token's, completed by userinfo when
 * the mapping asks for it (brokers that send minimal ID tokens, EHERKENNING.md §2.1); a claim the signed ID token
 * carries always wins, and userinfo comes server to server from the broker, for the ID token's `sub` only (O13).
 */
export function levelOf(claims: Readonly<Record<string, unknown>>, mapping: ClaimMapping): 'EH3' | 'EH4' {
  const raw = claimAt(claims, mapping.level.path);
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const urn = value === undefined ? mapping.level.default : (mapping.level.mapping[value] ?? value);
  const level = urn === undefined ? undefined : ACCEPTED_LEVELS[urn];
  if (!level) throw new EherkenningError('level_too_low', value === undefined ? 'level_missing' : 'level_below_eh3');
  return level;
}

/**
 * Reads the company from the claims and checks it (O10): the identifier must be of the KvK kind, the KvK number
 * eight digits (no checksum: EHERKENNING.md §5), a branch number twelve digits.
 */
export function companyOf(
  claims: Readonly<Record<string, unknown>>,
  mapping: ClaimMapping,
): Pick<VerifiedIdentity, 'kvkNumber' | 'organisationName' | 'branchNumber'> {
  const identifierType = claimAt(claims, mapping.identifierType);
  if (identifierType !== undefined && identifierType !== KVK_IDENTIFIER_TYPE) {
    throw new EherkenningError('failed', 'identifier_not_kvk');
  }
  const kvkNumber = claimAt(claims, mapping.legalSubject);
  if (typeof kvkNumber !== 'string' || !KVK.test(kvkNumber)) {
    throw new EherkenningError('failed', kvkNumber === undefined ? 'kvk_missing' : 'kvk_malformed');
  }
  const branch = claimAt(claims, mapping.branchNumber);
  if (branch !== undefined && branch !== null && (typeof branch !== 'string' || !BRANCH.test(branch))) {
    throw new EherkenningError('failed', 'branch_malformed');
  }
  const name = claimAt(claims, mapping.companyName);
  const cleanName = typeof name === 'string' ? name.normalize('NFC').trim() : '';
  const organisationName =
    cleanName.length > 0 && cleanName.length <= MAX_NAME && !CONTROL.test(cleanName)
      ? cleanName
      : `KvK-nummer ${kvkNumber}`;
  return { kvkNumber, organisationName, branchNumber: typeof branch === 'string' ? branch : null };
}

/** The person's identifier at the broker: a non-empty string of sane length. */
export function subjectOf(claims: Readonly<Record<string, unknown>>, mapping: ClaimMapping): string {
  const subject = claimAt(claims, mapping.subject);
  if (typeof subject !== 'string' || subject.length === 0 || subject.length > 255) {
    throw new EherkenningError('failed', 'subject_missing');
  }
  return subject;
}
