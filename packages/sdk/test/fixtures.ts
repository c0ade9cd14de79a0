// Answers that satisfy the contract, and an msw server standing in for the API (never a real server).
import {
  ERROR_STATUS,
  PROBLEM_MEDIA_TYPE,
  problemType,
  type Account,
  type Config,
  type FlowInfo,
  type InvitationPreview,
  type Membership,
  type Problem,
  type ServerErrorCode,
  type Session,
} from '@wij-techniek/onboarding-contract';
import { HttpResponse } from 'msw';

export const API = 'http://app.test/api/v1';
export const PAGE = 'http://app.test/account';

export const config: Config = {
  passwordPolicy: {
    name: 'business',
    minLength: 14,
    maxLength: 22,
    requiredClasses: ['upper', 'lower', 'digit', 'symbol'],
  },
  verificationCode: {
    length: 6,
    lifetimeSeconds: 600,
    maxAttempts: 5,
    resendCooldownSeconds: 60,
    maxSendsPerWindow: 3,
    sendWindowSeconds: 900,
  },
  suppliers: [
    { id: 'digidentity', name: 'Digidentity' },
    { id: 'kpn', name: 'KPN' },
  ],
  minimumLevel: 'EH3',
  defaultLanguage: 'nl',
};

export const ACCOUNT_ID = '0b7e7b3e-6a52-4c55-9a3c-2f6d0c1e9a01';
export const ORGANISATION_ID = '5d1f2c3b-8e4a-4f6b-9c7d-1a2b3c4d5e6f';
export const MEMBER_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
export const INVITATION_ID = '9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f';
export const TOKEN = 'invitation-token-0123456789abcdef';

export const account: Account = {
  id: ACCOUNT_ID,
  email: 'jan@bedrijf.nl',
  firstName: 'Jan',
  lastName: 'Jansen',
  verified: false,
};

export const membership: Membership = {
  id: MEMBER_ID,
  organisation: {
    id: ORGANISATION_ID,
    name: 'Installatiebedrijf Jansen B.V.',
    kvkNumber: '12345678',
    branchNumber: null,
  },
  rights: ['register_for_meetings', 'submit_expense_claims', 'access_exclusive_content', 'administer'],
};

export function flowInfo(overrides: Partial<FlowInfo> = {}): FlowInfo {
  return {
    kind: 'signup',
    email: 'jan@bedrijf.nl',
    lang: 'nl',
    attemptsLeft: 5,
    resendAvailableAt: '2026-03-01T10:01:00.000Z',
    expiresAt: '2026-03-01T10:30:00.000Z',
    ...overrides,
  };
}

export function session(overrides: Partial<Session> = {}): Session {
  return {
    step: null,
    account: null,
    memberships: [],
    flow: null,
    eherkenning: null,
    expiresAt: null,
    extendable: false,
    ...overrides,
  };
}

/** When the sessions of these answers end: 30 minutes after the answers' time, and activity moves it on. */
export const SESSION_ENDS_AT = '2026-03-01T10:30:00.000Z';

export const signedIn = (overrides: Partial<Session> = {}) =>
  session({ step: 'supplier', account, expiresAt: SESSION_ENDS_AT, extendable: true, ...overrides });

export const verifiedSession = (overrides: Partial<Session> = {}) =>
  session({
    step: 'verified',
    account: { ...account, verified: true },
    memberships: [membership],
    expiresAt: SESSION_ENDS_AT,
    extendable: true,
    ...overrides,
  });

export const invitationPreview: InvitationPreview = {
  organisation: { name: 'Installatiebedrijf Jansen B.V.' },
  email: 'piet@bedrijf.nl',
  rights: ['register_for_meetings'],
  expiresAt: '2026-03-08T10:00:00.000Z',
  accountExists: false,
};

/** A problem-details answer as the server sends it for `code`. */
export function problem(code: ServerErrorCode, extra: Partial<Problem> = {}, headers: Record<string, string> = {}) {
  const status = ERROR_STATUS[code];
  const body: Problem = { type: problemType(code), title: code.replace(/_/g, ' '), status, code, ...extra };
  return HttpResponse.json(body, { status, headers: { 'Content-Type': PROBLEM_MEDIA_TYPE, ...headers } });
}

/** A password the business policy accepts and that contains nothing personal. */
export const GOOD_PASSWORD = 'Zonnepaneel#2026!x';

/** Resolves when `check` holds, polling the event loop (no wall-clock assertion). */
export async function until(check: () => boolean, label = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`Timed out waiting for ${label}`);
}
