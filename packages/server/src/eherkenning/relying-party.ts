import * as client from 'openid-client';
import { systemClock, type Clock } from '../clock.js';
import type { EherkenningSupplier } from '@wij-techniek/onboarding-contract';
import { claimAt, companyOf, levelOf, subjectOf, type VerifiedIdentity } from './claims.js';
import type { EherkenningConfig } from './config.js';
import { classify, safeUrl } from './classify.js';
import { EherkenningError } from './errors.js';
import { REQUESTED_ACR } from './levels.js';
import { SupplierList } from './suppliers.js';

/**
 * What the server keeps, bound to the browser session, between sending the person to the broker and the
 * callback. Never sent to the browser (O1).
 */
export interface EherkenningTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly supplierId: string;
}

/** The answer of {@link EherkenningRelyingParty.startAuthorization}. */
export interface AuthorizationStart {
  /** The broker's authorization URL to send the browser to. */
  readonly redirectUrl: string;
  readonly transaction: EherkenningTransaction;
}

/** Options of {@link EherkenningRelyingParty}. */
export interface RelyingPartyOptions {
  /** The clock for our own time checks and the supplier cache. */
  readonly clock?: Clock;
}

/** How far in the past an ID token's `iat` may lie: it was just issued at the token endpoint (O7). */
const MAX_ID_TOKEN_AGE_SECONDS = 10 * 60;
/** Clock difference tolerated between us and the broker. */
const CLOCK_TOLERANCE_SECONDS = 60;

/**
 * The eHerkenning relying party: OpenID Connect with the broker through openid-client (SECURITY.md O1–O13).
 *
 * - Discovery of `EHERKENNING_ISSUER` happens on first use and is retried on the next use when it failed, so a
 *   broker that is down when the server starts does not stop the server.
 * - Every authorization uses the code flow with PKCE S256, a fresh `state` and `nonce`, `acr_values` for EH3, the
 *   chosen supplier in the configured parameter, and the fixed `redirect_uri` from `PUBLIC_URL`.
 * - ID token signatures are always checked against the broker's JWKS (non-repudiation, O6); issuer, audience,
 *   times, nonce, state and the RFC 9207 `iss` are checked by openid-client; the level, the KvK number and the
 *   identifier type by us (O9, O10); userinfo, when used, must name the same `sub` (O13).
 */
export class EherkenningRelyingParty {
  readonly #config: EherkenningConfig;
  readonly #clock: Clock;
  readonly #suppliers: SupplierList;
  #discovery: Promise<client.Configuration> | undefined;

  constructor(config: EherkenningConfig, options: RelyingPartyOptions = {}) {
    this.#config = config;
    this.#clock = options.clock ?? systemClock;
    this.#suppliers = new SupplierList(config.suppliersUrl, {
      clock: this.#clock,
      timeoutSeconds: config.timeoutSeconds,
    });
  }

  /** The fixed redirect URI (`${PUBLIC_URL}/api/v1/eherkenning/callback`). */
  get redirectUri(): string {
    return this.#config.redirectUri;
  }

  /** The broker's suppliers in its order; throws `broker_unavailable` when there is no list to show. */
  suppliers(): Promise<readonly EherkenningSupplier[]> {
    return this.#suppliers.get();
  }

  /**
   * Builds the authorization URL for `supplierId` and the transaction to keep server-side. Throws
   * `broker_unavailable` when the broker cannot be discovered, `failed` when its metadata is wrong.
   */
  async startAuthorization(supplierId: string): Promise<AuthorizationStart> {
    const configuration = await this.#configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.#config.redirectUri,
      response_type: 'code',
      scope: this.#config.claims.scope,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      acr_values: REQUESTED_ACR,
      // eHerkenning never reuses an earlier login silently: the person may act for another company now.
      prompt: 'login',
      [this.#config.supplierParam]: supplierId,
    });
    return { redirectUrl: url.href, transaction: { state, nonce, codeVerifier, supplierId } };
  }

  /**
   * Completes the round trip from the callback URL the browser brought back. Only the query of `callbackUrl`
   * is used; the rest is the configured redirect URI, so a forged `Host` changes nothing (O11).
   * Resolves with what eHerkenning proved, or throws an {@link EherkenningError}.
   */
  async completeAuthorization(callbackUrl: URL, transaction: EherkenningTransaction): Promise<VerifiedIdentity> {
    const configuration = await this.#configuration();
    const current = new URL(this.#config.redirectUri);
    current.search = callbackUrl.search;

    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw classify(error, 'token', `POST ${endpoint(configuration, 'token_endpoint')}`);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new EherkenningError('failed', 'id_token_missing');
    this.#checkIssuedAt(idToken.iat);

    const mapping = this.#config.claims;
    let claims: Readonly<Record<string, unknown>> = idToken;
    const wantUserinfo =
      mapping.source === 'userinfo' ||
      (mapping.source === 'auto' && claimAt(idToken, mapping.legalSubject) === undefined);
    if (wantUserinfo) {
      let userinfo: client.UserInfoResponse;
      try {
        // The library refuses a userinfo answer for another subject than the ID token's (O13).
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      } catch (error) {
        throw classify(error, 'userinfo', `GET ${endpoint(configuration, 'userinfo_endpoint')}`);
      }
      // What the signed ID token says wins over userinfo.
      claims = { ...userinfo, ...idToken };
    }

    const level = levelOf(claims, mapping);
    const company = companyOf(claims, mapping);
    return {
      issuer: configuration.serverMetadata().issuer,
      subject: subjectOf(claims, mapping),
      ...company,
      level,
    };
  }

  /** Our own freshness check of `iat`, which the library leaves open for the code flow (O7). */
  #checkIssuedAt(iat: unknown): void {
    const now = Math.floor(this.#clock().getTime() / 1000);
    if (typeof iat !== 'number') throw new EherkenningError('failed', 'iat_missing');
    if (iat < now - MAX_ID_TOKEN_AGE_SECONDS) throw new EherkenningError('failed', 'iat_too_old');
    if (iat > now + CLOCK_TOLERANCE_SECONDS) throw new EherkenningError('failed', 'iat_in_future');
  }

  /** The discovered configuration; discovery runs once, and again after a failure. */
  #configuration(): Promise<client.Configuration> {
    this.#discovery ??= this.#discover().catch((error: unknown) => {
      this.#discovery = undefined;
      throw classify(error, 'discovery', `GET ${discoveryUrl(this.#config.issuer)}`);
    });
    return this.#discovery;
  }

  async #discover(): Promise<client.Configuration> {
    const execute: ((configuration: client.Configuration) => void)[] = [client.enableNonRepudiationChecks];
    if (this.#config.allowInsecureRequests) execute.push(client.allowInsecureRequests);
    return client.discovery(
      new URL(this.#config.issuer),
      this.#config.clientId,
      { id_token_signed_response_alg: 'RS256', [client.clockTolerance]: CLOCK_TOLERANCE_SECONDS },
      client.ClientSecretBasic(this.#config.clientSecret),
      { execute, timeout: this.#config.timeoutSeconds },
    );
  }
}

/** Where openid-client looks for the broker's metadata: `/.well-known/openid-configuration` under the issuer. */
function discoveryUrl(issuer: string): string {
  const url = new URL(issuer);
  if (!url.pathname.includes('/.well-known/')) {
    url.pathname = `${url.pathname.replace(/\/$/, '')}/.well-known/openid-configuration`;
  }
  return safeUrl(url);
}

/** An endpoint of the broker's metadata, for a log detail. */
function endpoint(configuration: client.Configuration, name: 'token_endpoint' | 'userinfo_endpoint'): string {
  const value = configuration.serverMetadata()[name];
  return typeof value === 'string' ? safeUrl(value) : `(no ${name})`;
}
