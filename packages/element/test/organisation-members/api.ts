// A stand-in for the organisation endpoints, run by msw's service worker: one organisation with its members and
// invitations, one signed-in account, the contract's paths, statuses and answer shapes, and the server's rules
// that the element must show (forbidden, last_administrator, already_member). Tests queue failures with
// `orgApi.failNext`.
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ErrorCode, Invitation, Member, Membership, Organisation, Right } from '@wij-techniek/onboarding-sdk';

export const API = '/api/v1';
export const ORGANISATION: Organisation = {
  id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
  name: 'Installatiebedrijf De Vries B.V.',
  kvkNumber: '12345678',
  branchNumber: null,
};
const ALL: Right[] = ['register_for_meetings', 'submit_expense_claims', 'access_exclusive_content', 'administer'];

export const JAN: Member = {
  id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  accountId: '0b7e7b3e-6a52-4c55-9a3c-2f6d0c1e9a01',
  email: 'jan@bedrijf.nl',
  firstName: 'Jan',
  lastName: 'de Vries',
  rights: ALL,
  joinedAt: '2026-01-05T09:00:00.000Z',
};
export const PIET: Member = {
  id: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
  accountId: '1c8f8c4f-7b63-4d66-8b4d-3a7e1d2f0b12',
  email: 'piet@bedrijf.nl',
  firstName: 'Piet',
  lastName: 'Bakker',
  rights: ['submit_expense_claims'],
  joinedAt: '2026-02-01T09:00:00.000Z',
};
export const KEES: Invitation = {
  id: '9f8e7d6c-5b4a-4c3d-9e2f-1a0b9c8d7e6f',
  email: 'kees@bedrijf.nl',
  rights: ['register_for_meetings'],
  createdAt: new Date(Date.now() - 86_400_000).toISOString(),
  expiresAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  forbidden: 403,
  not_signed_in: 401,
  last_administrator: 409,
  already_member: 409,
  invalid_email: 400,
  not_found: 404,
  rate_limited: 429,
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

/** What the fake server holds. */
class FakeOrganisationApi {
  /** The signed-in member; `null`: nobody signed in. */
  me: Member | null = JAN;
  members: Member[] = [];
  invitations: Invitation[] = [];
  /** Memberships of the signed-in person in other organisations (the fake answers `forbidden` for those). */
  otherMemberships: Membership[] = [];
  /** Every request, as `METHOD /path` below the API prefix. */
  requests: string[] = [];
  /** Bodies of writes, in order. */
  bodies: unknown[] = [];
  private failures: { method: string; code: ErrorCode; extra: Record<string, unknown> }[] = [];
  private hold: Promise<void> | undefined;

  reset(): void {
    this.me = JAN;
    this.members = [structuredClone(JAN), structuredClone(PIET)];
    this.invitations = [structuredClone(KEES)];
    this.otherMemberships = [];
    this.requests = [];
    this.bodies = [];
    this.failures = [];
    this.hold = undefined;
  }

  /** The next request with `method` (`POST`, `PATCH`, `GET`, `DELETE`) fails with `code`. */
  failNext(method: string, code: ErrorCode, extra: Record<string, unknown> = {}): void {
    this.failures.push({ method, code, extra });
  }

  /** Holds every answer until the returned function is called (to see the busy state). */
  holdAnswers(): () => void {
    let release!: () => void;
    this.hold = new Promise((resolve) => (release = resolve));
    return () => {
      this.hold = undefined;
      release();
    };
  }

  async answer(method: string, path: string, request: Request, run: () => Response | Promise<Response>) {
    this.requests.push(`${method} ${path}`);
    if (method !== 'GET') {
      const text = await request.text();
      this.bodies.push(text ? (JSON.parse(text) as unknown) : undefined);
    }
    await this.hold;
    const index = this.failures.findIndex((failure) => failure.method === method);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      return problem(failure!.code, failure!.extra);
    }
    return run();
  }

  rightsOfMe(): Right[] {
    return this.members.find((m) => m.accountId === this.me?.accountId)?.rights ?? [];
  }

  /** The server's rule: refuse anonymous callers and callers without `administer`. */
  guard(): Response | undefined {
    if (!this.me) return problem('not_signed_in');
    if (!this.rightsOfMe().includes('administer')) return problem('forbidden');
    return undefined;
  }

  administratorsAfter(change: (members: Member[]) => Member[]): number {
    return change(this.members).filter((m) => m.rights.includes('administer')).length;
  }
}

export const orgApi = new FakeOrganisationApi();
orgApi.reset();

const ORG = `${API}/organisations/:organisationId`;
const json = (body: unknown, status = 200) => HttpResponse.json(body as Record<string, unknown>, { status });

export const handlers = [
  http.get(`${API}/session`, ({ request }) =>
    orgApi.answer('GET', '/session', request, () =>
      json({
        step: orgApi.me ? 'verified' : null,
        account: orgApi.me
          ? {
              id: orgApi.me.accountId,
              email: orgApi.me.email,
              firstName: orgApi.me.firstName,
              lastName: orgApi.me.lastName,
              verified: true,
            }
          : null,
        memberships: orgApi.me
          ? [{ id: orgApi.me.id, organisation: ORGANISATION, rights: orgApi.rightsOfMe() }, ...orgApi.otherMemberships]
          : [],
        flow: null,
        eherkenning: null,
        expiresAt: orgApi.me ? new Date(Date.now() + 30 * 60_000).toISOString() : null,
        extendable: orgApi.me !== null,
      }),
    ),
  ),
  http.get(ORG, ({ request, params }) =>
    orgApi.answer('GET', `/organisations/${String(params.organisationId)}`, request, () => {
      if (!orgApi.me) return problem('not_signed_in');
      if (params.organisationId !== ORGANISATION.id) return problem('forbidden');
      if (!orgApi.members.some((m) => m.accountId === orgApi.me?.accountId)) return problem('forbidden');
      return json({ organisation: ORGANISATION, rights: orgApi.rightsOfMe() });
    }),
  ),
  http.get(`${ORG}/members`, ({ request }) =>
    orgApi.answer(
      'GET',
      '/organisations/{id}/members',
      request,
      () => orgApi.guard() ?? json({ members: orgApi.members }),
    ),
  ),
  http.get(`${ORG}/invitations`, ({ request }) =>
    orgApi.answer(
      'GET',
      '/organisations/{id}/invitations',
      request,
      () => orgApi.guard() ?? json({ invitations: orgApi.invitations }),
    ),
  ),
  http.post(`${ORG}/members`, ({ request }) =>
    orgApi.answer('POST', '/organisations/{id}/members', request, () => {
      const refused = orgApi.guard();
      if (refused) return refused;
      const body = orgApi.bodies.at(-1) as { email: string; rights: Right[] };
      if (orgApi.members.some((m) => m.email === body.email)) return problem('already_member');
      const invitation: Invitation = {
        id: crypto.randomUUID(),
        email: body.email,
        rights: body.rights,
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      };
      orgApi.invitations = [...orgApi.invitations.filter((i) => i.email !== body.email), invitation];
      return json({ invitation }, 201);
    }),
  ),
  http.patch(`${ORG}/members/:memberId`, ({ request, params }) =>
    orgApi.answer('PATCH', '/organisations/{id}/members/{memberId}', request, () => {
      const refused = orgApi.guard();
      if (refused) return refused;
      const { rights } = orgApi.bodies.at(-1) as { rights: Right[] };
      const member = orgApi.members.find((m) => m.id === params.memberId);
      if (!member) return problem('not_found');
      const change = (members: Member[]) => members.map((m) => (m.id === member.id ? { ...m, rights } : m));
      if (orgApi.administratorsAfter(change) === 0) return problem('last_administrator');
      orgApi.members = change(orgApi.members);
      return json({ member: { ...member, rights } });
    }),
  ),
  http.delete(`${ORG}/members/:memberId`, ({ request, params }) =>
    orgApi.answer('DELETE', '/organisations/{id}/members/{memberId}', request, () => {
      const refused = orgApi.guard();
      if (refused) return refused;
      if (!orgApi.members.some((m) => m.id === params.memberId)) return problem('not_found');
      const change = (members: Member[]) => members.filter((m) => m.id !== params.memberId);
      if (orgApi.administratorsAfter(change) === 0) return problem('last_administrator');
      orgApi.members = change(orgApi.members);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
  http.delete(`${ORG}/invitations/:invitationId`, ({ request, params }) =>
    orgApi.answer('DELETE', '/organisations/{id}/invitations/{invitationId}', request, () => {
      const refused = orgApi.guard();
      if (refused) return refused;
      if (!orgApi.invitations.some((i) => i.id === params.invitationId)) return problem('not_found');
      orgApi.invitations = orgApi.invitations.filter((i) => i.id !== params.invitationId);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];

export const worker = setupWorker(...handlers);
let started: Promise<unknown> | undefined;

/** Starts msw once per test file. */
export function startOrganisationApi(): Promise<unknown> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return started;
}
