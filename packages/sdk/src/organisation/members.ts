import {
  RIGHTS,
  type Language,
  type Member,
  type Membership,
  type Right,
} from '@wij-techniek/onboarding-contract/lite';
import { createOrganisationClient, type OrganisationClient } from './client.js';
import { CodedTypeError, OnboardingError } from '../errors.js';
import type { Listener, ListenerOptions } from '../listener.js';
import {
  InvitationWithdrawnEvent,
  MemberInvitedEvent,
  MemberRemovedEvent,
  MembersChangeEvent,
  MembersErrorEvent,
  MemberUpdatedEvent,
  type MembersEventMap,
} from './events.js';
import { INITIAL_MEMBERS_STATE, type MembersAction, type MembersFailure, type MembersState } from './state.js';

/** The part of the {@link OrganisationClient} that managing members uses. */
export type MembersClient = Pick<
  OrganisationClient,
  | 'session'
  | 'organisation'
  | 'members'
  | 'invitations'
  | 'inviteMember'
  | 'updateMember'
  | 'removeMember'
  | 'withdrawInvitation'
>;

/** Options of {@link createOrganisationMembers}. */
export interface OrganisationMembersOptions {
  /**
   * The organisation whose people are managed. Without it, `load` picks one of the signed-in person's
   * memberships: the first where they hold `administer`, else the first (a CMS page cannot know the id).
   */
  readonly organisationId?: string | undefined;
  /** The API client (default: `createOrganisationClient({ apiBase })`). */
  readonly client?: MembersClient | undefined;
  /** The API prefix when no `client` is given (default `/api/v1`). */
  readonly apiBase?: string | undefined;
}

/** What an invitation asks for. */
export interface InviteInput {
  readonly email: string;
  readonly rights: readonly Right[];
  /** The language of the invitation mail (default `nl`). */
  readonly lang?: Language | undefined;
}

/** A listener of {@link OrganisationMembers.subscribe}. */
export type MembersListener = (state: MembersState, previous: MembersState) => void;

/** A listener of the event `K`, as {@link OrganisationMembers.addEventListener} takes it: a function or an object. */
export type MembersEventListener<K extends keyof MembersEventMap> =
  | ((this: OrganisationMembers, event: MembersEventMap[K]) => unknown)
  | { handleEvent(event: MembersEventMap[K]): unknown };

// Typed overloads of EventTarget's methods (declaration merging; no runtime code).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface OrganisationMembers {
  addEventListener<K extends keyof MembersEventMap>(
    type: K,
    listener: MembersEventListener<K> | null,
    options?: boolean | ListenerOptions,
  ): void;
  addEventListener(type: string, listener: Listener | null, options?: boolean | ListenerOptions): void;
  removeEventListener<K extends keyof MembersEventMap>(
    type: K,
    listener: MembersEventListener<K> | null,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: Listener | null, options?: boolean | EventListenerOptions): void;
}

/**
 * An administrator's view of one organisation's people as a small state holder that any UI can render: load
 * the organisation (and, for an administrator, its members and pending invitations), invite, change rights,
 * remove and withdraw. The server decides every rule (who may, the last administrator); this holder keeps the
 * lists in step with its answers and turns failures into values.
 *
 * - One intent at a time: while one runs (`state.busy`) every action resolves `false` without sending anything,
 *   so a double click never sends twice. Only `load` may replace a running load (the old one is aborted).
 * - Failures a person can meet become `state.error` (and `state.fieldErrors` for the invite form) and an
 *   `error` event; actions never reject because of them. A wrong argument type throws a `TypeError`
 *   (`ERR_INVALID_ARG_TYPE`).
 * - A change the server confirmed is also dispatched as `invited`, `updated`, `removed` or `withdrawn`.
 *
 * Works in browsers and in Node 20 (no `document`).
 *
 * @example
 * ```ts
 * import { createOrganisationMembers } from '@wij-techniek/onboarding-sdk/organisation';
 *
 * const people = createOrganisationMembers({ organisationId: '5d1f2c3b-8e4a-4f6b-9c7d-1a2b3c4d5e6f' });
 * people.subscribe((state) => console.log(state.members.map((m) => `${m.email}: ${m.rights.join(', ')}`)));
 * await people.load();
 * if (!(await people.invite({ email: 'piet@bedrijf.nl', rights: ['submit_expense_claims'] }))) {
 *   console.log(people.state.error?.error.code); // e.g. 'already_member'
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the interface above only types events
export class OrganisationMembers extends EventTarget {
  #organisationId: string | undefined;
  readonly #client: MembersClient;
  readonly #listeners = new Set<MembersListener>();
  #state: MembersState = INITIAL_MEMBERS_STATE;
  #load: AbortController | undefined;

  constructor(options: OrganisationMembersOptions) {
    super();
    if (typeof options !== 'object' || options === null) throw new CodedTypeError('options must be an object');
    if (
      options.organisationId !== undefined &&
      (typeof options.organisationId !== 'string' || !options.organisationId)
    ) {
      throw new CodedTypeError('options.organisationId must be a non-empty string when given');
    }
    this.#organisationId = options.organisationId;
    this.#client = options.client ?? createOrganisationClient({ apiBase: options.apiBase });
  }

  /** The organisation whose people are managed: the one given, chosen with `select`, or picked by `load`. */
  get organisationId(): string {
    return this.#organisationId ?? '';
  }

  /** Switches to another of the signed-in person's organisations (see `state.memberships`) and loads it. */
  select(organisationId: string): Promise<MembersState> {
    checkId(organisationId, 'organisationId');
    if (this.#state.busy && this.#state.busy !== 'load') return Promise.resolve(this.#state);
    this.#organisationId = organisationId;
    return this.#fetch(undefined, undefined);
  }

  /** The current state. */
  get state(): MembersState {
    return this.#state;
  }

  /** Calls `listener` after every change of the state; returns the function that stops it. */
  subscribe(listener: MembersListener): () => void {
    if (typeof listener !== 'function') throw new CodedTypeError('listener must be a function');
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Loads the organisation and the signed-in person's rights in it; for an administrator also the members and
   * pending invitations. Resolves with the new state (a failure is in `state.error`, `status: 'failed'`);
   * rejects only when `signal` aborts it.
   */
  load(signal?: AbortSignal): Promise<MembersState> {
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new CodedTypeError('signal must be an AbortSignal');
    }
    return this.#fetch(signal, undefined);
  }

  /** Loads everything; `carried` is a failure that stays shown after a successful load (why it reloaded). */
  async #fetch(signal: AbortSignal | undefined, carried: MembersFailure | undefined): Promise<MembersState> {
    if (this.#state.busy && this.#state.busy !== 'load') return this.#state;
    this.#load?.abort(
      new OnboardingError('invalid_transition', 'A newer load replaced this one; read the state it leaves.'),
    );
    const controller = new AbortController();
    this.#load = controller;
    const forward = () => controller.abort(signal?.reason);
    if (signal?.aborted) forward();
    signal?.addEventListener('abort', forward, { once: true });
    this.#set({ status: 'loading', busy: 'load', busyTarget: undefined, error: carried, fieldErrors: undefined });
    const options = { signal: controller.signal };
    try {
      const session = await this.#client.session(options);
      const id = this.#organisationId ?? pickOrganisation(session.memberships);
      if (!session.account)
        throw new OnboardingError('not_signed_in', 'Nobody is signed in; sign in to manage an organisation.');
      if (!id)
        throw new OnboardingError(
          'forbidden',
          'This account belongs to no organisation; verify one with eHerkenning first.',
        );
      this.#organisationId = id;
      // Known before the organisation answers, so a UI can offer the others even when this one fails.
      if (this.#load === controller) this.#set({ memberships: session.memberships, accountId: session.account.id });
      const view = await this.#client.organisation(id, options);
      const canAdminister = view.rights.includes('administer');
      const [members, invitations] = canAdminister
        ? await Promise.all([this.#client.members(id, options), this.#client.invitations(id, options)])
        : [{ members: [] }, { invitations: [] }];
      if (this.#load !== controller) return this.#state;
      this.#set({
        status: 'ready',
        organisation: view.organisation,
        rights: view.rights,
        canAdminister,
        accountId: session.account.id,
        memberships: session.memberships,
        members: members.members,
        invitations: invitations.invitations,
        busy: undefined,
        error: carried,
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (this.#load !== controller) return this.#state;
      this.#set({ status: 'failed', busy: undefined });
      this.#fail(asFailure(error), 'load');
    } finally {
      signal?.removeEventListener('abort', forward);
      if (this.#load === controller) this.#load = undefined;
    }
    return this.#state;
  }

  /**
   * Invites `email` with `rights`: the server mails a link that works once, for seven days. Resolves `true`
   * when the invitation was sent (it is then in `state.invitations`); `false` when it failed or another intent
   * was under way.
   */
  invite(input: InviteInput): Promise<boolean> {
    if (typeof input !== 'object' || input === null || typeof input.email !== 'string') {
      throw new CodedTypeError('input.email must be a string');
    }
    const rights = checkRights(input.rights, 'input.rights');
    return this.#run('invite', undefined, async () => {
      const body = { email: input.email, rights, ...(input.lang ? { lang: input.lang } : {}) };
      const { invitation } = await this.#client.inviteMember(this.organisationId, body);
      this.#set({ invitations: [...this.#state.invitations.filter((i) => i.email !== invitation.email), invitation] });
      this.dispatchEvent(new MemberInvitedEvent(invitation));
    });
  }

  /** Gives member `memberId` exactly `rights`. Resolves `true` when the server changed them. */
  updateRights(memberId: string, rights: readonly Right[]): Promise<boolean> {
    checkId(memberId, 'memberId');
    const wanted = checkRights(rights, 'rights');
    return this.#run('update', memberId, async () => {
      const previous = this.#member(memberId);
      const { member } = await this.#client.updateMember(this.organisationId, memberId, { rights: wanted });
      const self = member.accountId === this.#state.accountId;
      const canAdminister = self ? member.rights.includes('administer') : this.#state.canAdminister;
      this.#set({
        members: canAdminister ? this.#state.members.map((m) => (m.id === member.id ? member : m)) : [],
        invitations: canAdminister ? this.#state.invitations : [],
        ...(self ? { rights: member.rights, canAdminister } : {}),
      });
      this.dispatchEvent(new MemberUpdatedEvent(member, previous ?? member));
    });
  }

  /** Removes member `memberId` from the organisation. Resolves `true` when the server removed them. */
  remove(memberId: string): Promise<boolean> {
    checkId(memberId, 'memberId');
    return this.#run('remove', memberId, async () => {
      await this.#client.removeMember(this.organisationId, memberId);
      const member = this.#member(memberId);
      const self = member !== undefined && member.accountId === this.#state.accountId;
      this.#set(
        self
          ? { rights: [], canAdminister: false, members: [], invitations: [] }
          : { members: this.#state.members.filter((m) => m.id !== memberId) },
      );
      if (member) this.dispatchEvent(new MemberRemovedEvent(member, self));
    });
  }

  /** Withdraws invitation `invitationId`: its link stops working. Resolves `true` when the server withdrew it. */
  withdraw(invitationId: string): Promise<boolean> {
    checkId(invitationId, 'invitationId');
    return this.#run('withdraw', invitationId, async () => {
      await this.#client.withdrawInvitation(this.organisationId, invitationId);
      const invitation = this.#state.invitations.find((i) => i.id === invitationId);
      this.#set({ invitations: this.#state.invitations.filter((i) => i.id !== invitationId) });
      if (invitation) this.dispatchEvent(new InvitationWithdrawnEvent(invitation));
    });
  }

  /** Clears the last failure (a UI's "close" on the message). */
  dismissError(): void {
    if (this.#state.error || this.#state.fieldErrors) this.#set({ error: undefined, fieldErrors: undefined });
  }

  // ── effects ──────────────────────────────────────────────────────────────────────────────────────────────────

  async #run(action: MembersAction, target: string | undefined, effect: () => Promise<void>): Promise<boolean> {
    if (this.#state.busy) return false;
    this.#set({ busy: action, busyTarget: target, error: undefined, fieldErrors: undefined });
    try {
      await effect();
      this.#set({ busy: undefined, busyTarget: undefined });
      return true;
    } catch (error) {
      this.#set({ busy: undefined, busyTarget: undefined });
      this.#fail(asFailure(error), action, target);
      // A member or invitation that is gone was changed elsewhere: show the lists as they are now, and why.
      if (this.#state.error?.error.code === 'not_found') void this.#fetch(undefined, this.#state.error);
      return false;
    }
  }

  #member(memberId: string): Member | undefined {
    return this.#state.members.find((m) => m.id === memberId);
  }

  #fail(error: OnboardingError, action: MembersAction, target?: string): void {
    const email = action === 'invite' && (error.code === 'invalid_email' || error.code === 'already_member');
    this.#set({ error: { error, action, target }, fieldErrors: email ? { email: [error.code] } : undefined });
    this.dispatchEvent(new MembersErrorEvent(error, action));
  }

  #set(patch: Partial<MembersState>): void {
    const previous = this.#state;
    this.#state = Object.freeze({ ...previous, ...patch });
    for (const listener of this.#listeners) listener(this.#state, previous);
    this.dispatchEvent(new MembersChangeEvent(this.#state, previous));
  }
}

/** Creates the state holder of one organisation's people; call {@link OrganisationMembers.load} next. */
export function createOrganisationMembers(options: OrganisationMembersOptions): OrganisationMembers {
  return new OrganisationMembers(options);
}

/** The membership to show when none was named: the first where the person administers, else the first. */
function pickOrganisation(memberships: readonly Membership[]): string | undefined {
  return (memberships.find((m) => m.rights.includes('administer')) ?? memberships[0])?.organisation.id;
}

function isOnboardingError(error: unknown): error is OnboardingError {
  return error instanceof OnboardingError;
}

/**
 * Any failure as an {@link OnboardingError}. (A wrong address in the invite form is `invalid_email` already: the
 * client answers what the server would.)
 */
function asFailure(error: unknown): OnboardingError {
  // Misuse of the client is a bug of the caller, not something to show a person.
  if (error instanceof CodedTypeError) throw error;
  return isOnboardingError(error)
    ? error
    : new OnboardingError('network_error', 'The server could not be reached; try again.', { cause: error });
}

function checkId(value: unknown, name: string): void {
  if (typeof value !== 'string' || value === '') throw new CodedTypeError(`${name} must be a non-empty string`);
}

function checkRights(value: unknown, name: string): Right[] {
  if (!Array.isArray(value) || !value.every((right) => (RIGHTS as readonly unknown[]).includes(right))) {
    throw new CodedTypeError(`${name} must be an array of rights (${RIGHTS.join(', ')})`);
  }
  return RIGHTS.filter((right) => (value as unknown[]).includes(right));
}
