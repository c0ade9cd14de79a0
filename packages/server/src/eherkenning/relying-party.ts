import * as client from 'openid-client';
import { systemClock, type Clock } from '../clock.js';
import type { EherkenningSupplier } from '@wij-techniek/onboarding-contract';
import { claimAt, companyOf, levelOf, subjectOf, type VerifiedIdentity } from './claims.js';
import type { EherkenningConfig } from './config.js';
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
      throw classify(error);
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
        throw classify(error);
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
      throw classify(error);
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

const CANCEL_ERRORS = new Set(['access_denied', 'IDP-3200']);
const LEVEL_ERRORS = new Set(['unmet_authentication_requirements']);
const UNAVAILABLE_ERRORS = new Set(['temporarily_unavailable', 'server_error']);

/**
 * Turns whatever the library or the network threw into our error. Unknown means `failed`: nothing is accepted
 * on the basis of a check that did not run (F7).
 */
function classify(error: unknown): EherkenningError {
  if (error instanceof EherkenningError) return error;
  if (error instanceof client.AuthorizationResponseError) {
    if (CANCEL_ERRORS.has(error.error)) return new EherkenningError('cancelled', `authorization_${error.error}`);
    if (LEVEL_ERRORS.has(error.error)) return new EherkenningError('level_too_low', `authorization_${error.error}`);
    if (UNAVAILABLE_ERRORS.has(error.error)) {
      return new EherkenningError('broker_unavailable', `authorization_${error.error}`);
    }
    return new EherkenningError('failed', 'authorization_error');
  }
  if (error instanceof client.ResponseBodyError) {
    return new EherkenningError(error.status >= 500 ? 'broker_unavailable' : 'failed', `token_${error.error}`);
  }
  if (error instanceof client.ClientError) {
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    const detail = innermostMessage(error);
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT' || (status !== undefined && status >= 500)) {
      return new EherkenningError('broker_unavailable', error.code ?? 'unavailable', { cause: error, detail });
    }
    return new EherkenningError('failed', error.code ?? 'client_error', { cause: error, detail });
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the broker cannot be reached at all.
    return new EherkenningError('broker_unavailable', 'unreachable', { cause: error });
  }
  return new EherkenningError('failed', 'unexpected', { cause: error });
}

/** The most specific message in a chain of causes: oauth4webapi's static text of the check that failed. */
function innermostMessage(error: Error): string {
  let message = error.message;
  let current: unknown = error.cause;
  while (current instanceof Error) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}
