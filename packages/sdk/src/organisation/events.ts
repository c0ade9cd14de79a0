import type { Invitation, Member } from '@wij-techniek/onboarding-contract/lite';
import type { OnboardingError } from '../errors.js';
import type { MembersAction, MembersState } from './state.js';

/**
 * The events an {@link OrganisationMembers} dispatches. A UI mirrors them (`<wt-organisation-members>` as
 * `wt-member-*` events); each is dispatched only because the server confirmed a change, never on a property set.
 */
export interface MembersEventMap {
  /** The state changed (any field, including `busy` and `error`). */
  change: MembersChangeEvent;
  /** An invitation was sent. */
  invited: MemberInvitedEvent;
  /** A member's rights were changed. */
  updated: MemberUpdatedEvent;
  /** A member was removed from the organisation. */
  removed: MemberRemovedEvent;
  /** A pending invitation was withdrawn. */
  withdrawn: InvitationWithdrawnEvent;
  /** An action failed; `state.error` holds the same error. */
  error: MembersErrorEvent;
}

/** The state changed. */
export class MembersChangeEvent extends Event {
  readonly state: MembersState;
  readonly previous: MembersState;
  constructor(state: MembersState, previous: MembersState) {
    super('change');
    this.state = state;
    this.previous = previous;
  }
}

/** The server sent an invitation. */
export class MemberInvitedEvent extends Event {
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super('invited');
    this.invitation = invitation;
  }
}

/** The server changed a member's rights. */
export class MemberUpdatedEvent extends Event {
  readonly member: Member;
  /** The rights the member had before. */
  readonly previous: Member;
  constructor(member: Member, previous: Member) {
    super('updated');
    this.member = member;
    this.previous = previous;
  }
}

/** The server removed a member. */
export class MemberRemovedEvent extends Event {
  readonly member: Member;
  /** True when the signed-in person removed themselves (they no longer belong to the organisation). */
  readonly self: boolean;
  constructor(member: Member, self: boolean) {
    super('removed');
    this.member = member;
    this.self = self;
  }
}

/** The server withdrew an invitation; its link no longer works. */
export class InvitationWithdrawnEvent extends Event {
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super('withdrawn');
    this.invitation = invitation;
  }
}

/** An action failed. */
export class MembersErrorEvent extends Event {
  readonly error: OnboardingError;
  readonly action: MembersAction;
  constructor(error: OnboardingError, action: MembersAction) {
    super('error');
    this.error = error;
    this.action = action;
  }
}
