/**
 * `@wij-techniek/onboarding-sdk/organisation`: an organisation's people (members, rights, invitations) for any
 * UI (the `<wt-organisation-members>` element is one), and the typed client of the organisation endpoints.
 * Apart from the main entry so that a page with only the onboarding flow does not load it.
 *
 * @example
 * ```ts
 * import { createOrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';
 *
 * const people = createOrganisationMembers({ apiBase: '/api/v1' });
 * people.addEventListener('invited', (event) => console.log(`Invited ${event.invitation.email}`));
 * const state = await people.load();
 * if (state.canAdminister) await people.invite({ email: 'piet@bedrijf.nl', rights: ['administer'] });
 * ```
 *
 * @packageDocumentation
 * @module @wij-techniek/onboarding-sdk/organisation
 */
export { createOrganisationClient, type OrganisationClient } from './client.js';
export {
  OrganisationMembers,
  createOrganisationMembers,
  type InviteInput,
  type MembersClient,
  type MembersEventListener,
  type MembersListener,
  type OrganisationMembersOptions,
} from './members.js';
export {
  INITIAL_MEMBERS_STATE,
  isInvitationExpired,
  type InviteField,
  type MembersAction,
  type MembersFailure,
  type MembersState,
  type MembersStatus,
} from './state.js';
export {
  InvitationWithdrawnEvent,
  MemberInvitedEvent,
  MemberRemovedEvent,
  MembersChangeEvent,
  MembersErrorEvent,
  MemberUpdatedEvent,
  type MembersEventMap,
} from './events.js';
export type { AuditEntry, Invitation, Member, OrganisationView, Right } from '@wij-techniek/onboarding-contract/lite';
export { RIGHTS } from '@wij-techniek/onboarding-contract/lite';
export type { Listener, ListenerOptions } from '../listener.js';
