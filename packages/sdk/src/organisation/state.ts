import type {
  ErrorCode,
  Invitation,
  Member,
  Membership,
  Organisation,
  Right,
} from '@wij-techniek/onboarding-contract/lite';
import type { OnboardingError } from '../errors.js';

/** What the person asked for: the intent a `busy` or an `error` belongs to. */
export type MembersAction = 'load' | 'invite' | 'update' | 'remove' | 'withdraw';

/** How far loading the organisation got. */
export type MembersStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The fields of the invite form that can be at fault. */
export type InviteField = 'email' | 'rights';

/** A failure as a value: the error, the intent it belongs to and the member or invitation it was about. */
export interface MembersFailure {
  readonly error: OnboardingError;
  readonly action: MembersAction;
  /** The member or invitation id the failed action was about. */
  readonly target?: string | undefined;
}

/**
 * Everything a UI shows of an organisation's people: the organisation and the signed-in person's own rights, the
 * members and the pending invitations (only for an administrator), and the intent under way or that failed.
 */
export interface MembersState {
  readonly status: MembersStatus;
  readonly organisation: Organisation | undefined;
  /** The signed-in person's own rights in this organisation. */
  readonly rights: readonly Right[];
  /** True when the signed-in person holds `administer`: they may see and change members and invitations. */
  readonly canAdminister: boolean;
  /** The signed-in person's account id, to mark "you" in the list. */
  readonly accountId: string | undefined;
  /** Every organisation the signed-in person belongs to, to switch between them (`select`). */
  readonly memberships: readonly Membership[];
  /** The members, in the server's order; empty unless {@link canAdminister}. */
  readonly members: readonly Member[];
  /** The invitations not yet accepted; empty unless {@link canAdminister}. */
  readonly invitations: readonly Invitation[];
  /** The intent under way; actions do nothing while one runs. */
  readonly busy: MembersAction | undefined;
  /** The member or invitation the intent under way is about. */
  readonly busyTarget: string | undefined;
  /** The last failure; cleared when the next intent starts. */
  readonly error: MembersFailure | undefined;
  /** What is wrong per invite-form field, as error codes (`invalid_email`, `already_member`). */
  readonly fieldErrors: Readonly<Partial<Record<InviteField, readonly ErrorCode[]>>> | undefined;
}

/** The state before anything is loaded. */
export const INITIAL_MEMBERS_STATE: MembersState = {
  status: 'idle',
  organisation: undefined,
  rights: [],
  canAdminister: false,
  accountId: undefined,
  memberships: [],
  members: [],
  invitations: [],
  busy: undefined,
  busyTarget: undefined,
  error: undefined,
  fieldErrors: undefined,
};

/** True when `invitation`'s link no longer works at `now` (ms since the epoch); the server decides the same way. */
export function isInvitationExpired(invitation: { readonly expiresAt: string }, now: number = Date.now()): boolean {
  return Date.parse(invitation.expiresAt) <= now;
}
