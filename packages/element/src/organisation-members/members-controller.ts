import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Task } from '@lit/task';
import {
  createOrganisationMembers,
  type MembersEventMap,
  type MembersState,
  type OrganisationMembers,
} from '@wij-techniek/onboarding-sdk/organisation';
import { WtInvitationWithdrawnEvent } from './events/invitation-withdrawn.js';
import { WtMemberInvitedEvent } from './events/member-invited.js';
import { WtMemberRemovedEvent } from './events/member-removed.js';
import { WtMemberUpdatedEvent } from './events/member-updated.js';
import { WtMembersErrorEvent } from './events/members-error.js';

/** What the members controller needs of its host. */
export interface MembersHost extends ReactiveControllerHost, EventTarget {
  /** The API's prefix as a URL. */
  readonly apiBase: string;
  /** The organisation whose people are shown; empty: the signed-in person's (the one they administer first). */
  readonly organisationId: string;
}

/**
 * Connects the host to one SDK {@link OrganisationMembers}: creates it for the host's `organisationId` and
 * `apiBase` and loads it (a `@lit/task`, so changing either aborts the old load), re-renders on every change and
 * mirrors the holder's events as the element's `wt-*` events. The holder talks to the API; this only listens.
 */
export class MembersController implements ReactiveController {
  private readonly host: MembersHost;
  private current: OrganisationMembers | undefined;
  private detach: (() => void) | undefined;
  private connected = false;

  /** Creates the holder and loads it; re-runs when `apiBase` or `organisationId` change. */
  readonly bootstrap: Task<[string, string], OrganisationMembers>;

  constructor(host: MembersHost) {
    this.host = host;
    host.addController(this);
    this.bootstrap = new Task(host, {
      task: async ([apiBase, organisationId], { signal }) => {
        const people = createOrganisationMembers({ apiBase, ...(organisationId ? { organisationId } : {}) });
        this.use(people);
        await people.load(signal);
        return people;
      },
      args: () => [this.host.apiBase, this.host.organisationId],
    });
  }

  /** The holder, once created. */
  get people(): OrganisationMembers | undefined {
    return this.current;
  }

  /** The holder's state, once created. */
  get state(): MembersState | undefined {
    return this.current?.state;
  }

  hostConnected(): void {
    this.connected = true;
    if (this.current && !this.detach) this.attach(this.current);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach?.();
    this.detach = undefined;
  }

  private use(people: OrganisationMembers | undefined): void {
    this.detach?.();
    this.detach = undefined;
    this.current = people;
    if (people && this.connected) this.attach(people);
    this.host.requestUpdate();
  }

  private attach(people: OrganisationMembers): void {
    const host = this.host;
    const listeners: { [K in keyof MembersEventMap]?: (event: MembersEventMap[K]) => void } = {
      change: () => host.requestUpdate(),
      invited: (event) => host.dispatchEvent(new WtMemberInvitedEvent({ invitation: event.invitation })),
      updated: (event) =>
        host.dispatchEvent(new WtMemberUpdatedEvent({ member: event.member, previousRights: event.previous.rights })),
      removed: (event) => host.dispatchEvent(new WtMemberRemovedEvent({ member: event.member, self: event.self })),
      withdrawn: (event) => host.dispatchEvent(new WtInvitationWithdrawnEvent({ invitation: event.invitation })),
      error: (event) => host.dispatchEvent(new WtMembersErrorEvent({ code: event.error.code, action: event.action })),
    };
    const entries = Object.entries(listeners) as [keyof MembersEventMap, EventListener][];
    for (const [type, listener] of entries) people.addEventListener(type, listener);
    this.detach = () => {
      for (const [type, listener] of entries) people.removeEventListener(type, listener);
    };
  }
}
