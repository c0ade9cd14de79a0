// A stand-in for the onboarding API, run by msw's service worker: one in-memory session that follows the
// contract (paths, statuses, answer schemas, problem details) closely enough for the element's tests. Tests set
// the session's state directly to start on any step, and queue failures with `api.failNext`.
import { http, HttpResponse, type HttpResponseResolver } from 'msw';
import { setupWorker } from 'msw/browser';
import {
  checkPassword,
  PASSWORD_POLICIES,
  VERIFICATION_CODE_RULES,
  type Account,
  type Config,
  type ErrorCode,
  type EherkenningOutcome,
  type Membership,
  type Session,
} from '@wij-techniek/onboarding-sdk';

export const API = '/api/v1';
export const CODE = '123456';
export const PASSWORD = 'Zonnig-Dak-2024!';
export const EXISTING_EMAIL = 'bestaand@bedrijf.nl';
export const BLOCKLISTED = 'Welkom01!Welkom';
export const REDIRECT_URL = 'https://broker.example.test/authorize?client_id=wt';

/** The broker's order, deliberately not alphabetical. */
export const SUPPLIERS = [
  { id: 'kpn', name: 'KPN' },
  { id: 'digidentity', name: 'Digidentity' },
  { id: 'connectis', name: 'Connectis' },
];

export const CONFIG: Config = {
  passwordPolicy: { ...PASSWORD_POLICIES.business, requiredClasses: [...PASSWORD_POLICIES.business.requiredClasses] },
  verificationCode: VERIFICATION_CODE_RULES,
  suppliers: SUPPLIERS,
  minimumLevel: 'EH3',
  defaultLanguage: 'nl',
};

export const ACCOUNT: Account = {
  id: '6f1c2a9e-1b2c-4d3e-8f40-123456789abc',
  email: 'jan@bedrijf.nl',
  firstName: 'Jan',
  lastName: 'Jansen',
  verified: false,
};

export const MEMBERSHIP: Membership = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  organisation: {
    id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    name: 'Installatiebedrijf De Vries B.V.',
    kvkNumber: '12345678',
    branchNumber: null,
  },
  rights: ['register_for_meetings', 'submit_expense_claims', 'access_exclusive_content', 'administer'],
};

type Kind = 'signup' | 'password-reset';

/** What the fake server holds for the one session. */
export interface FakeSession {
  step: Session['step'];
  account: Account | null;
  memberships: Membership[];
  flow: { kind: Kind; email: string; attemptsLeft: number; resendAvailableAt: number } | null;
  eherkenning: EherkenningOutcome | null;
  /**
   * When the session ends (ms since the epoch) and whether a request moves that on; unset: 30 minutes from now
   * and extendable while the session holds an account or a flow.
   */
  endsAt?: number | null;
  extendable?: boolean;
  /** How far a request moves an extendable end on (SESSION_IDLE_MINUTES); unset: 30. */
  idleMinutes?: number;
  codeExpired: boolean;
  invitation: boolean;
}

const fresh = (): FakeSession => ({
  step: null,
  account: null,
  memberships: [],
  flow: null,
  eherkenning: null,
  codeExpired: false,
  invitation: false,
});

type Failure = { code: ErrorCode; extra?: Record<string, unknown> } | 'network';

class FakeApi {
  session: FakeSession = fresh();
  /** The server's time for the session's end; a test that moves the element's clock moves this one too. */
  clock: () => number = Date.now;
  private failures = new Map<string, Failure>();
  /** Requests seen, as `METHOD /path`, for assertions. */
  readonly requests: string[] = [];
  /** The last JSON body sent to each path. */
  readonly bodies = new Map<string, Record<string, string>>();

  reset(session: Partial<FakeSession> = {}): void {
    this.session = { ...fresh(), ...session };
    this.clock = Date.now;
    this.failures.clear();
    this.requests.length = 0;
    this.bodies.clear();
  }

  /** Starts a code flow for `email` whose resend is available `resendInSeconds` from now. */
  codeFlow(kind: Kind, email = ACCOUNT.email, resendInSeconds = 0): FakeSession['flow'] {
    return { kind, email, attemptsLeft: 5, resendAvailableAt: Date.now() + resendInSeconds * 1000 };
  }

  /** The next request to `path` (e.g. `/login`) fails with `failure`. */
  failNext(path: string, failure: Failure): void {
    this.failures.set(path, failure);
  }

  sessionBody(): Session {
    const { flow } = this.session;
    return {
      step: this.session.step,
      account: this.session.account,
      memberships: this.session.memberships,
      flow: flow && {
        kind: flow.kind,
        email: flow.email,
        lang: 'nl',
        attemptsLeft: flow.attemptsLeft,
        resendAvailableAt: new Date(flow.resendAvailableAt).toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      },
      eherkenning: this.session.eherkenning && { outcome: this.session.eherkenning, at: new Date().toISOString() },
      ...this.sessionEnd(),
    };
  }

  sessionEnd(): Pick<Session, 'expiresAt' | 'extendable'> {
    const live = this.session.account !== null || this.session.flow !== null;
    const endsAt = this.session.endsAt === undefined ? (live ? Date.now() + 30 * 60_000 : null) : this.session.endsAt;
    return {
      expiresAt: endsAt === null ? null : new Date(endsAt).toISOString(),
      extendable: endsAt !== null && (this.session.extendable ?? true),
    };
  }

  takeFailure(path: string): Failure | undefined {
    const failure = this.failures.get(path);
    this.failures.delete(path);
    return failure;
  }
}

export const api = new FakeApi();

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_email: 400,
  rate_limited: 429,
  code_invalid: 400,
  code_expired: 410,
  too_many_attempts: 429,
  resend_too_soon: 429,
  password_policy: 422,
  password_unchanged: 422,
  step_out_of_order: 409,
  flow_expired: 410,
  session_expired: 401,
  invalid_credentials: 401,
  not_signed_in: 401,
  unknown_supplier: 400,
  broker_unavailable: 503,
  internal_error: 500,
};

/** An RFC 9457 problem with the contract's `code`. */
export function problem(code: ErrorCode, extra: Record<string, unknown> = {}): Response {
  const status = STATUS[code] ?? 400;
  return HttpResponse.json(
    { type: `urn:wij-techniek:onboarding:problem:${code}`, title: code, status, code, ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}

const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });

function route(method: 'get' | 'post', path: string, resolve: (body: Record<string, string>) => Response) {
  const resolver: HttpResponseResolver = async ({ request }) => {
    api.requests.push(`${method.toUpperCase()} ${path}`);
    const failure = api.takeFailure(path);
    if (failure === 'network') return HttpResponse.error();
    if (failure) return problem(failure.code, failure.extra);
    const text = method === 'post' ? await request.text() : '';
    const body = text ? (JSON.parse(text) as Record<string, string>) : {};
    api.bodies.set(path, body);
    return resolve(body);
  };
  return http[method](`${API}${path}`, resolver);
}

function startCodeFlow(kind: Kind, email: string): Response {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(email)) return problem('invalid_email');
  api.session.flow = api.codeFlow(kind, email, 60);
  api.session.step = kind === 'signup' ? 'code' : 'password-code';
  return json({ step: api.session.step, flow: api.sessionBody().flow }, 202);
}

function checkCode(code: string, next: 'details' | 'password-new'): Response {
  const flow = api.session.flow;
  if (!flow) return problem('flow_expired', { step: 'email' });
  if (api.session.codeExpired) return problem('code_expired');
  if (code === CODE) {
    api.session.step = next;
    return json({ step: next });
  }
  flow.attemptsLeft -= 1;
  if (flow.attemptsLeft <= 0) {
    api.session.flow = null;
    api.session.step = null;
    return problem('too_many_attempts', { step: flow.kind === 'signup' ? 'email' : 'password-email' });
  }
  return problem('code_invalid', { attemptsLeft: flow.attemptsLeft });
}

function resend(): Response {
  const flow = api.session.flow;
  if (!flow) return problem('flow_expired');
  const wait = Math.ceil((flow.resendAvailableAt - Date.now()) / 1000);
  if (wait > 0) return problem('resend_too_soon', { retryAfterSeconds: wait });
  flow.resendAvailableAt = Date.now() + 60_000;
  return json({ step: api.session.step, flow: api.sessionBody().flow }, 202);
}

function setPassword(password: string, context: string[]): Response | undefined {
  const verdict = checkPassword(password, CONFIG.passwordPolicy, {
    context,
    isBlocklisted: (value) => value === BLOCKLISTED.toLowerCase(),
  });
  return verdict.valid ? undefined : problem('password_policy', { violations: verdict.violations });
}

export const handlers = [
  route('get', '/config', () => json(CONFIG)),
  route('get', '/session', () => {
    // A request touches the session: an end the test set moves the idle time on, unless a fixed end comes first.
    if (api.session.endsAt && api.session.extendable !== false)
      api.session.endsAt = api.clock() + (api.session.idleMinutes ?? 30) * 60_000;
    return json(api.sessionBody());
  }),
  route('post', '/signup/email', (body) => startCodeFlow('signup', body.email ?? '')),
  route('post', '/signup/code', (body) => checkCode(body.code ?? '', 'details')),
  route('post', '/signup/code/resend', resend),
  route('post', '/signup/account', (body) => {
    const email = api.session.flow?.email ?? '';
    const refused = setPassword(body.password ?? '', [email, body.firstName, body.lastName].map(String));
    if (refused) return refused;
    api.session.account = { ...ACCOUNT, email, firstName: body.firstName ?? '', lastName: body.lastName ?? '' };
    api.session.flow = null;
    api.session.step = 'supplier';
    return json(api.sessionBody(), 201);
  }),
  route('post', '/login', (body) => {
    if (body.email !== EXISTING_EMAIL || body.password !== PASSWORD) return problem('invalid_credentials');
    api.session.account = { ...ACCOUNT, email: EXISTING_EMAIL };
    api.session.step = api.session.memberships.length > 0 ? 'verified' : 'supplier';
    return json(api.sessionBody());
  }),
  route('post', '/logout', () => {
    api.reset();
    return new HttpResponse(null, { status: 204 });
  }),
  route('post', '/password/forgot', (body) => startCodeFlow('password-reset', body.email ?? '')),
  route('post', '/password/code', (body) => checkCode(body.code ?? '', 'password-new')),
  route('post', '/password/code/resend', resend),
  route('post', '/password/reset', (body) => {
    const refused = setPassword(body.password ?? '', [api.session.flow?.email ?? '']);
    if (refused) return refused;
    api.session.account = { ...ACCOUNT, email: api.session.flow?.email ?? ACCOUNT.email };
    api.session.flow = null;
    api.session.step = api.session.memberships.length > 0 ? 'verified' : 'supplier';
    return json(api.sessionBody());
  }),
  route('post', '/eherkenning/start', (body) => {
    if (!api.session.account) return problem('not_signed_in');
    if (!SUPPLIERS.some((supplier) => supplier.id === body.supplierId)) return problem('unknown_supplier');
    return json({ redirectUrl: REDIRECT_URL });
  }),
  route('post', '/invitations/lookup', () =>
    json({
      organisation: { name: MEMBERSHIP.organisation.name },
      email: 'medewerker@bedrijf.nl',
      rights: ['register_for_meetings'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      accountExists: false,
    }),
  ),
];

export const worker = setupWorker(...handlers);
let started: Promise<unknown> | undefined;

/** Starts msw once per test file. */
export function startApi(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return started;
}
