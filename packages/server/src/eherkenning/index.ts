/**
 * The eHerkenning relying party of the onboarding server: what the routes use to send a person to the broker
 * and to check what comes back.
 */
export { EherkenningRelyingParty } from './relying-party.js';
export type { AuthorizationStart, EherkenningTransaction, RelyingPartyOptions } from './relying-party.js';
export type { VerifiedIdentity } from './claims.js';
export { EherkenningError, isEherkenningError } from './errors.js';
export type { EherkenningErrorCode } from './errors.js';
export {
  CALLBACK_PATH,
  DEFAULT_CLAIMS,
  SIMULATOR_DEFAULTS,
  parseClaimMapping,
  resolveEherkenningConfig,
} from './config.js';
export type { ClaimMapping, ClaimPath, EherkenningConfig } from './config.js';
