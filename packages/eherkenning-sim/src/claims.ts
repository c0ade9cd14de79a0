/**
 * The claim names of the ID token, as the eToegang framework names them (EHERKENNING.md §3.1, the defaults
 * that maykinmedia/django-digid-eherkenning uses). The relying party's `EHERKENNING_CLAIMS` defaults to these.
 */
export const CLAIM_NAMES = {
  /** The company's KvK number (or RSIN); which one is told by {@link CLAIM_NAMES.identifierType}. */
  legalSubject: 'urn:etoegang:core:LegalSubjectID',
  /** The type of the legal subject identifier. */
  identifierType: 'namequalifier',
  /** The person's pseudonym, stable per person and company. */
  actingSubject: 'urn:etoegang:core:ActingSubjectID',
  /** The vestigingsnummer when the mandate is restricted to one branch. */
  branchNumber: 'urn:etoegang:1.9:ServiceRestriction:Vestigingsnr',
  /** The company's name (a mandatory attribute of represented companies). */
  companyName: 'urn:etoegang:1.11:attribute-represented:CompanyName',
} as const;

/** The `namequalifier` value that says the legal subject is a KvK number. */
export const KVK_IDENTIFIER_TYPE = 'urn:etoegang:1.9:EntityConcernedID:KvKnr';

/** The `namequalifier` value that says the legal subject is an RSIN. */
export const RSIN_IDENTIFIER_TYPE = 'urn:etoegang:1.9:EntityConcernedID:RSIN';
