import {
  ENDPOINTS,
  ONBOARDING_ENDPOINT_SCHEMAS,
  ORGANISATION_ENDPOINT_SCHEMAS,
  type AuditEntry,
  type Invitation,
  type InviteMemberRequest,
  type Member,
  type OrganisationView,
  type EndpointName,
  type UpdateMemberRequest,
} from '@wij-techniek/onboarding-contract/lite';
import { must } from '../errors.js';
import type { OnboardingClient } from '../client.js';
import { buildClient, type EndpointTable, type OnboardingClientOptions, type RequestOptions } from '../http.js';

/**
 * The {@link OnboardingClient} plus one typed method per organisation endpoint: members, their rights,
 * invitations and the audit log. Ids are path parameters; each must be a non-empty string (else the method rejects
 * with a `CodedTypeError`).
 */
export interface OrganisationClient extends OnboardingClient {
  /** `GET /organisations/{id}`: the organisation and the caller's rights in it. */
  organisation(organisationId: string, options?: RequestOptions): Promise<OrganisationView>;
  /** `GET /organisations/{id}/members`. */
  members(organisationId: string, options?: RequestOptions): Promise<{ members: Member[] }>;
  /** `POST /organisations/{id}/members`: invites an employee with the given rights. */
  inviteMember(
    organisationId: string,
    body: InviteMemberRequest,
    options?: RequestOptions,
  ): Promise<{ invitation: Invitation }>;
  /** `PATCH /organisations/{id}/members/{memberId}`: changes a member's rights. */
  updateMember(
    organisationId: string,
    memberId: string,
    body: UpdateMemberRequest,
    options?: RequestOptions,
  ): Promise<{ member: Member }>;
  /** `DELETE /organisations/{id}/members/{memberId}`. */
  removeMember(organisationId: string, memberId: string, options?: RequestOptions): Promise<void>;
  /** `GET /organisations/{id}/invitations`: the invitations not yet accepted. */
  invitations(organisationId: string, options?: RequestOptions): Promise<{ invitations: Invitation[] }>;
  /** `DELETE /organisations/{id}/invitations/{invitationId}`. */
  withdrawInvitation(organisationId: string, invitationId: string, options?: RequestOptions): Promise<void>;
  /** `GET /organisations/{id}/audit`: who changed what, when. */
  audit(organisationId: string, options?: RequestOptions): Promise<{ entries: AuditEntry[] }>;
}

/**
 * Creates a client of the whole HTTP API: the onboarding's endpoints and the organisation's.
 *
 * @example
 * ```ts
 * import { createOrganisationClient } from '@wij-techniek/onboarding-sdk/organisation';
 *
 * const client = createOrganisationClient({ apiBase: 'https://www.wij-techniek.nl/api/v1' });
 * const { memberships } = await client.session();
 * for (const { organisation } of memberships) {
 *   const { members } = await client.members(organisation.id);
 *   console.log(`${organisation.name}: ${members.length} members`);
 * }
 * ```
 */
export function createOrganisationClient(options: OnboardingClientOptions = {}): OrganisationClient {
  const table = {
    ...ONBOARDING_ENDPOINT_SCHEMAS,
    ...ORGANISATION_ENDPOINT_SCHEMAS,
  } satisfies EndpointTable & Record<Exclude<keyof OrganisationClient, 'apiBase'>, unknown>;
  // The ids a method starts with fill the `{…}` segments of its path, in order.
  const path = (name: EndpointName, args: unknown[]) =>
    ENDPOINTS[name].path.replace(/\{\w+\}/gu, () => {
      const id = args.shift();
      must(typeof id === 'string' && id, `${name}: ids must be non-empty strings`);
      return encodeURIComponent(id);
    });
  return buildClient(options, table, path) as OrganisationClient;
}
