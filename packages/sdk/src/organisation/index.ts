// An organisation's people (members, rights, invitations) as a state holder a UI renders.
export {
  OrganisationMembers,
  createOrganisationMembers,
  type InviteInput,
  type MembersClient,
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
