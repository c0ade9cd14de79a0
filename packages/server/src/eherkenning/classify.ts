import * as client from 'openid-client';
import { EherkenningError } from './errors.js';

/** Which call to the broker failed: it decides what an operator is told to check. */
export type BrokerCall = 'discovery' | 'token' | 'userinfo';

const CANCEL_ERRORS = new Set(['access_denied', 'IDP-3200']);
const LEVEL_ERRORS = new Set(['unmet_authentication_requirements']);
const UNAVAILABLE_ERRORS = new Set(['temporarily_unavailable', 'server_error']);

/** What an operator checks when the broker refuses our client: the two values the broker registered. */
const CHECK_CLIENT = 'check EHERKENNING_CLIENT_ID and EHERKENNING_CLIENT_SECRET against what the broker registered';

/** Longest text of the broker's own we copy into a log detail. */
const MAX_BROKER_TEXT = 200;

/**
 * Turns whatever the library or the network threw into our error, with a stable `reason` for alerts and a
 * `detail` that says what to check. Unknown means `failed`: nothing is accepted on the basis of a check that did
 * not run (F7). Details hold static library texts, HTTP statuses, the broker's error codes and descriptions,
 * URLs and issuers — never a request we sent (its client secret, code or verifier) nor a token (L1).
 */
export function classify(error: unknown, call: BrokerCall, request: string): EherkenningError {
  if (error instanceof EherkenningError) return error;
  // The request in front of what went wrong with it, so the log names the URL to try by hand.
  const exchange = (detail: string) => `${request}: ${detail}`;
  if (error instanceof client.AuthorizationResponseError) {
    if (CANCEL_ERRORS.has(error.error)) return new EherkenningError('cancelled', `authorization_${error.error}`);
    if (LEVEL_ERRORS.has(error.error)) return new EherkenningError('level_too_low', `authorization_${error.error}`);
    if (UNAVAILABLE_ERRORS.has(error.error)) {
      return new EherkenningError('broker_unavailable', `authorization_${error.error}`);
    }
    return new EherkenningError('failed', 'authorization_error', { detail: brokerSaid(error.error) });
  }
  if (error instanceof client.WWWAuthenticateChallengeError) return challenged(error, call, exchange);
  if (error instanceof client.ResponseBodyError) {
    const said = exchange(`HTTP ${error.status}, ${brokerSaid(error.error, error.error_description)}`);
    if (error.error === 'invalid_client') {
      return new EherkenningError('failed', 'client_authentication_failed', {
        cause: error,
        detail: `${said}: ${CHECK_CLIENT}`,
      });
    }
    const code = error.status >= 500 ? 'broker_unavailable' : 'failed';
    return new EherkenningError(code, `${call}_${error.error}`, { cause: error, detail: said });
  }
  if (error instanceof client.ClientError) {
    const status = error.cause instanceof Response ? error.cause.status : undefined;
    const message = issuerMismatch(error) ?? innermostMessage(error);
    // A check of the broker's answer (status, content, issuer) concerns the request; an ID token check does not.
    const detail = status !== undefined || call === 'discovery' ? exchange(message) : message;
    if (error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT' || (status !== undefined && status >= 500)) {
      return new EherkenningError('broker_unavailable', error.code ?? 'unavailable', { cause: error, detail });
    }
    return new EherkenningError('failed', error.code ?? 'client_error', { cause: error, detail });
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the broker cannot be reached at all; its cause says why.
    return new EherkenningError('broker_unavailable', 'unreachable', {
      cause: error,
      detail: exchange(innermostMessage(error)),
    });
  }
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new EherkenningError('broker_unavailable', 'timeout', { cause: error, detail: exchange(error.message) });
  }
  return new EherkenningError('failed', 'unexpected', {
    cause: error,
    detail: exchange(error instanceof Error ? error.name : typeof error),
  });
}

/**
 * A 401 with a `WWW-Authenticate` challenge. At the token endpoint (or with `invalid_client` anywhere) the broker
 * refused our client authentication — a wrong client id or secret; at userinfo it refused the access token.
 */
function challenged(
  error: client.WWWAuthenticateChallengeError,
  call: BrokerCall,
  exchange: (detail: string) => string,
): EherkenningError {
  const [challenge] = error.cause;
  const said = exchange(
    `HTTP ${error.status}, ${challenge?.scheme ?? 'no'} challenge, ${brokerSaid(
      challenge?.parameters.error,
      challenge?.parameters.error_description,
    )}`,
  );
  if (challenge?.parameters.error === 'invalid_client' || (call === 'token' && error.status === 401)) {
    return new EherkenningError('failed', 'client_authentication_failed', {
      cause: error,
      detail: `${said}: ${CHECK_CLIENT}`,
    });
  }
  const code = error.status >= 500 ? 'broker_unavailable' : 'failed';
  return new EherkenningError(code, `${call}_challenge`, { cause: error, detail: said });
}

/** The broker's error code and description as one short text. */
function brokerSaid(code: string | undefined, description?: string): string {
  const text = `error=${code ?? '(none)'}${description ? ` "${description}"` : ''}`;
  return text.length > MAX_BROKER_TEXT ? `${text.slice(0, MAX_BROKER_TEXT)}…` : text;
}

/**
 * "expected X, got Y" when discovery found another issuer than `EHERKENNING_ISSUER`: the most common set-up
 * mistake (a trailing slash, http for https, another host name). Both values are public URLs.
 */
function issuerMismatch(error: client.ClientError): string | undefined {
  if (error.code !== 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') return undefined;
  // openid-client's own discovery check puts the facts in `cause`; oauth4webapi's one level deeper.
  const facts = (error.cause instanceof Error ? error.cause.cause : error.cause) as
    { attribute?: unknown; expected?: unknown; body?: { issuer?: unknown } } | undefined;
  if (facts?.attribute !== 'issuer') return undefined;
  return (
    `the broker names its issuer ${JSON.stringify(facts.body?.issuer)}, EHERKENNING_ISSUER gives ` +
    `${JSON.stringify(facts.expected)}: set EHERKENNING_ISSUER to exactly the issuer the broker names`
  );
}

/** The most specific message in a chain of causes: oauth4webapi's static text, or the socket's error. */
export function innermostMessage(error: Error): string {
  let message = error.message;
  let current: unknown = error.cause;
  while (current instanceof Error) {
    if (current.message) message = current.message;
    current = current.cause;
  }
  return message;
}

/** `url` without user name and password, for a log line. */
export function safeUrl(url: string | URL): string {
  const copy = new URL(url);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
