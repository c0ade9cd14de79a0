import type { OpVariant } from './bad-op.js';

/** The outcome a case must end in. */
export type CaseOutcome = 'accepted' | 'failed' | 'level_too_low';

/**
 * One case of SECURITY.md §3: the OIDF RP Basic plan (1–13), the Config plan and openid-client's harness
 * (14–29) and ours (30–34). `kind` marks the cases that need more than one OP answer.
 */
export interface OidfCase {
  readonly n: number;
  readonly title: string;
  readonly variant: OpVariant;
  readonly expected: CaseOutcome;
  readonly kind?: 'rotation' | 'replay' | 'other-session';
  /** The SECURITY.md items the case proves. */
  readonly items: string;
  /** What the refusal must be about, so a case cannot pass for the wrong reason. */
  readonly why?: RegExp;
}

/** All 34 cases, in SECURITY.md's order: 29 refused, 5 accepted. */
export const OIDF_RP_CASES: readonly OidfCase[] = [
  { n: 1, title: 'invalid iss', variant: 'invalid-iss', expected: 'failed', items: 'O4', why: /"iss"/ },
  { n: 2, title: 'missing sub', variant: 'missing-sub', expected: 'failed', items: 'O10', why: /"sub"/ },
  { n: 3, title: 'invalid aud', variant: 'invalid-aud', expected: 'failed', items: 'O5', why: /"aud"/ },
  { n: 4, title: 'missing iat', variant: 'missing-iat', expected: 'failed', items: 'O7', why: /"iat"/ },
  { n: 5, title: 'kid absent, single JWKS key', variant: 'kid-absent-single-jwks', expected: 'accepted', items: 'O6' },
  {
    n: 6,
    title: 'kid absent, multiple JWKS keys',
    variant: 'kid-absent-multiple-jwks',
    expected: 'failed',
    items: 'O6',
    why: /multiple applicable keys/,
  },
  { n: 7, title: 'RS256 signed', variant: 'good', expected: 'accepted', items: 'O6' },
  { n: 8, title: 'alg:none', variant: 'alg-none', expected: 'failed', items: 'O6', why: /"alg"/ },
  {
    n: 9,
    title: 'bad RS256 signature',
    variant: 'bad-rs256-signature',
    expected: 'failed',
    items: 'O6',
    why: /signature verification failed/,
  },
  {
    n: 10,
    title: 'userinfo sub mismatch',
    variant: 'userinfo-sub-mismatch',
    expected: 'failed',
    items: 'O13',
    why: /"sub"/,
  },
  { n: 11, title: 'invalid nonce', variant: 'invalid-nonce', expected: 'failed', items: 'O8', why: /"nonce"/ },
  { n: 12, title: 'scope/userinfo claims', variant: 'userinfo-claims', expected: 'accepted', items: 'O13' },
  { n: 13, title: 'client_secret_basic', variant: 'good', expected: 'accepted', items: 'O1' },
  {
    n: 14,
    title: 'discovery issuer mismatch',
    variant: 'discovery-issuer-mismatch',
    expected: 'failed',
    items: 'O4',
    why: /issuer/,
  },
  { n: 15, title: 'missing aud', variant: 'missing-aud', expected: 'failed', items: 'O5', why: /"aud"/ },
  {
    n: 16,
    title: 'secondary aud',
    variant: 'secondary-aud',
    expected: 'failed',
    items: 'O5',
    why: /additional untrusted audiences/,
  },
  { n: 17, title: 'expired exp', variant: 'expired-exp', expected: 'failed', items: 'O7', why: /"exp"/ },
  { n: 18, title: 'missing exp', variant: 'missing-exp', expected: 'failed', items: 'O7', why: /"exp"/ },
  { n: 19, title: 'missing iss', variant: 'missing-iss', expected: 'failed', items: 'O4', why: /"iss"/ },
  { n: 20, title: 'missing nonce', variant: 'missing-nonce', expected: 'failed', items: 'O8', why: /"nonce"/ },
  {
    n: 21,
    title: 'iat a week in the past',
    variant: 'iat-week-in-past',
    expected: 'failed',
    items: 'O7',
    why: /iat_too_old/,
  },
  { n: 22, title: 'null alg', variant: 'null-alg', expected: 'failed', items: 'O6', why: /"alg"/ },
  {
    n: 23,
    title: 'bad ES256 signature',
    variant: 'bad-es256-signature',
    expected: 'failed',
    items: 'O6',
    why: /"alg"/,
  },
  {
    n: 24,
    title: 'bad HS256 signature',
    variant: 'bad-hs256-signature',
    expected: 'failed',
    items: 'O6',
    why: /"alg"/,
  },
  { n: 25, title: 'invalid state', variant: 'invalid-state', expected: 'failed', items: 'O2', why: /"state"/ },
  { n: 26, title: 'missing state', variant: 'missing-state', expected: 'failed', items: 'O2', why: /"state"/ },
  {
    n: 27,
    title: 'invalid authorization-response iss',
    variant: 'invalid-authorization-response-iss',
    expected: 'failed',
    items: 'O4',
    why: /"iss"/,
  },
  {
    n: 28,
    title: 'authorization-response iss removed',
    variant: 'authorization-response-iss-removed',
    expected: 'failed',
    items: 'O4',
    why: /"iss"/,
  },
  { n: 29, title: 'signing-key rotation', variant: 'good', expected: 'accepted', kind: 'rotation', items: 'O6' },
  { n: 30, title: 'acr loa2', variant: 'acr-loa2', expected: 'level_too_low', items: 'O9', why: /level_below_eh3/ },
  { n: 31, title: 'no acr', variant: 'acr-missing', expected: 'level_too_low', items: 'O9', why: /level_missing/ },
  { n: 32, title: 'KvK malformed', variant: 'kvk-malformed', expected: 'failed', items: 'O10', why: /kvk_malformed/ },
  {
    n: 33,
    title: 'callback replay',
    variant: 'good',
    expected: 'failed',
    kind: 'replay',
    items: 'O2',
    why: /invalid_grant/,
  },
  {
    n: 34,
    title: 'callback delivered in another session',
    variant: 'good',
    expected: 'failed',
    kind: 'other-session',
    items: 'O3',
    why: /"state"/,
  },
];
