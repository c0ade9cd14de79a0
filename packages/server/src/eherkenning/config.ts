import { z } from 'zod/mini';
import { ConfigError, type EherkenningSettings } from '../config.js';

/** A claim path: the keys to walk from the top of the claims, for nested claims (EHERKENNING.md §3.1). */
export type ClaimPath = readonly string[];

/** Where each eHerkenning fact is read from, and how the level is read. */
export interface ClaimMapping {
  /** The person's identifier at the broker; with the issuer it is the identity key (O10). Default `sub`. */
  readonly subject: ClaimPath;
  /** The company's KvK number. */
  readonly legalSubject: ClaimPath;
  /** Which kind of identifier {@link ClaimMapping.legalSubject} is; absent means KvK (as Open Forms reads it). */
  readonly identifierType: ClaimPath;
  /** The vestigingsnummer, when the mandate names a branch. */
  readonly branchNumber: ClaimPath;
  /** The company's name. */
  readonly companyName: ClaimPath;
  /** The level: where it is, how the broker's values map onto the eToegang URNs, and what absence means. */
  readonly level: {
    readonly path: ClaimPath;
    /** Broker value → `urn:etoegang:core:assurance-class:loaN`, e.g. `{"substantial": "…loa3"}`. */
    readonly mapping: Readonly<Record<string, string>>;
    /** The URN to assume when the claim is absent; none by default, so absence is refused (O9). */
    readonly default: string | undefined;
  };
  /**
   * Where the claims come from: `id_token`, `userinfo`, or `auto` (the ID token, and userinfo when the ID token
   * lacks the KvK number — brokers that keep ID tokens minimal). The level always comes from the ID token.
   */
  readonly source: 'auto' | 'id_token' | 'userinfo';
  /** The scopes to ask for. */
  readonly scope: string;
}

/** The resolved settings of the eHerkenning relying party. */
export interface EherkenningConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** `${PUBLIC_URL}/api/v1/eherkenning/callback`, never built from a request (O11). */
  readonly redirectUri: string;
  readonly suppliersUrl: string;
  /** The authorization parameter that carries the chosen supplier. */
  readonly supplierParam: string;
  readonly claims: ClaimMapping;
  /** Plain http to the broker; only outside production (the local simulator). */
  readonly allowInsecureRequests: boolean;
  /** Seconds before a request to the broker counts as unanswered. */
  readonly timeoutSeconds: number;
}

/** The path of the callback under `PUBLIC_URL`. */
export const CALLBACK_PATH = '/api/v1/eherkenning/callback';

/** The simulator's defaults, used for whatever is unset outside production. */
export const SIMULATOR_DEFAULTS = {
  issuer: 'http://localhost:8788',
  clientId: 'wt-onboarding-dev',
  clientSecret: 'dev-secret-not-for-production',
  suppliersPath: '/suppliers',
  supplierParam: 'eh_supplier',
} as const;

/** The claim paths of the eToegang framework (EHERKENNING.md §3.1, maykin's defaults). */
export const DEFAULT_CLAIMS: ClaimMapping = {
  subject: ['sub'],
  legalSubject: ['urn:etoegang:core:LegalSubjectID'],
  identifierType: ['namequalifier'],
  branchNumber: ['urn:etoegang:1.9:ServiceRestriction:Vestigingsnr'],
  companyName: ['urn:etoegang:1.11:attribute-represented:CompanyName'],
  level: { path: ['acr'], mapping: {}, default: undefined },
  source: 'auto',
  scope: 'openid',
};

const path = z.union([
  z.string().check(z.minLength(1)),
  z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(8)),
]);
const levelUrn = z.string().check(z.regex(/^urn:etoegang:core:assurance-class:loa(1|2|2plus|3|4)$/));
const ClaimsOverrideSchema = z.strictObject({
  subject: z.optional(path),
  legalSubject: z.optional(path),
  identifierType: z.optional(path),
  branchNumber: z.optional(path),
  companyName: z.optional(path),
  level: z.optional(
    z.strictObject({
      path: z.optional(path),
      mapping: z.optional(z.record(z.string(), levelUrn)),
      default: z.optional(z.nullable(levelUrn)),
    }),
  ),
  source: z.optional(z.enum(['auto', 'id_token', 'userinfo'])),
  scope: z.optional(z.string().check(z.regex(/^openid( [\x21\x23-\x5b\x5d-\x7e]+)*$/))),
});

const asPath = (value: string | readonly string[] | undefined, fallback: ClaimPath): ClaimPath =>
  value === undefined ? fallback : typeof value === 'string' ? [value] : value;

/**
 * Reads `EHERKENNING_CLAIMS`: JSON that overrides any of {@link DEFAULT_CLAIMS}, e.g.
 * `{"legalSubject":"chamber_of_commerce","level":{"path":"acr","mapping":{"loa:substantial":"urn:etoegang:core:assurance-class:loa3"}}}`.
 */
export function parseClaimMapping(raw: string | undefined): ClaimMapping {
  if (raw === undefined) return DEFAULT_CLAIMS;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('EHERKENNING_CLAIMS', 'must be JSON such as {"legalSubject":["kvk"]}', raw);
  }
  const result = ClaimsOverrideSchema.safeParse(json);
  if (!result.success) {
    throw new ConfigError(
      'EHERKENNING_CLAIMS',
      'may set subject, legalSubject, identifierType, branchNumber, companyName (claim names or paths), level {path, mapping to urn:etoegang:core:assurance-class:loaN, default}, source (auto|id_token|userinfo) and scope',
      raw,
    );
  }
  const override = result.data;
  return {
    subject: asPath(override.subject, DEFAULT_CLAIMS.subject),
    legalSubject: asPath(override.legalSubject, DEFAULT_CLAIMS.legalSubject),
    identifierType: asPath(override.identifierType, DEFAULT_CLAIMS.identifierType),
    branchNumber: asPath(override.branchNumber, DEFAULT_CLAIMS.branchNumber),
    companyName: asPath(override.companyName, DEFAULT_CLAIMS.companyName),
    level: {
      path: asPath(override.level?.path, DEFAULT_CLAIMS.level.path),
      mapping: override.level?.mapping ?? {},
      default: override.level?.default ?? undefined,
    },
    source: override.source ?? DEFAULT_CLAIMS.source,
    scope: override.scope ?? DEFAULT_CLAIMS.scope,
  };
}

/**
 * Applies the simulator's defaults to the unset `EHERKENNING_*` variables (outside production; the server's
 * config already requires issuer, client id and secret in production) and checks what only this module knows:
 * the claim mapping, the supplier parameter's name, and https to the broker in production.
 */
export function resolveEherkenningConfig(
  settings: EherkenningSettings,
  server: { readonly production: boolean; readonly publicUrl: string },
): EherkenningConfig {
  const issuer = (settings.issuer ?? SIMULATOR_DEFAULTS.issuer).replace(/\/$/, '');
  const insecure = new URL(issuer).protocol === 'http:';
  if (server.production && insecure) {
    throw new ConfigError('EHERKENNING_ISSUER', 'must be an https URL when NODE_ENV=production', issuer);
  }
  const suppliersUrl = settings.suppliersUrl ?? `${issuer}${SIMULATOR_DEFAULTS.suppliersPath}`;
  if (server.production && new URL(suppliersUrl).protocol !== 'https:') {
    throw new ConfigError('EHERKENNING_SUPPLIERS_URL', 'must be an https URL when NODE_ENV=production', suppliersUrl);
  }
  const supplierParam = settings.supplierParam ?? SIMULATOR_DEFAULTS.supplierParam;
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(supplierParam) || RESERVED_PARAMS.has(supplierParam)) {
    throw new ConfigError(
      'EHERKENNING_SUPPLIER_PARAM',
      'must be the name of an extra authorization parameter (letters, digits, _ . : -), not a standard one',
      supplierParam,
    );
  }
  return {
    issuer,
    clientId: settings.clientId ?? SIMULATOR_DEFAULTS.clientId,
    clientSecret: settings.clientSecret ?? SIMULATOR_DEFAULTS.clientSecret,
    redirectUri: `${server.publicUrl.replace(/\/$/, '')}${CALLBACK_PATH}`,
    suppliersUrl,
    supplierParam,
    claims: parseClaimMapping(settings.claims),
    allowInsecureRequests: insecure && !server.production,
    timeoutSeconds: 10,
  };
}

// The supplier must never be able to overwrite what protects the request.
const RESERVED_PARAMS = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'acr_values',
  'request',
  'request_uri',
  'response_mode',
]);
