// Both elements fire `wt-error`: <wt-onboarding> a WtErrorEvent `{ code, step }`, <wt-organisation-members> a
// WtMembersErrorEvent `{ code, action }`. The event map says so, so reading `step` or `action` compiles only after
// narrowing. `typeChecks` is compiled by `npm run typecheck` and never called: every `@ts-expect-error` line must
// fail to compile (tsc reports a directive that is not needed). The test below runs the documented narrowing.
import { expect, oneEvent } from '@open-wc/testing';
import type { ErrorCode, StepId } from '@wij-techniek/onboarding-sdk';
import type { MembersAction } from '@wij-techniek/onboarding-sdk/organisation';
import { WtErrorEvent } from '../src/events/error.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { WtMembersErrorEvent } from '../src/organisation-members/events/members-error.js';
import type { WtOrganisationMembers } from '../src/organisation-members/organisation-members.js';
import { $, buttonByText, idle, mount } from './organisation-members/fixture.js';

export function typeChecks(onboarding: WtOnboarding, members: WtOrganisationMembers): void {
  // On the members element a listener gets either class: a step is not there to read.
  members.addEventListener('wt-error', (event) => {
    const code: ErrorCode = event.detail.code;
    void code;
    // @ts-expect-error `step` belongs to <wt-onboarding>'s wt-error; this may be a WtMembersErrorEvent
    void event.detail.step;
  });
  // Nor is an action certain on <wt-onboarding>: a members element in its `verified` slot bubbles through it.
  onboarding.addEventListener('wt-error', (event) => {
    // @ts-expect-error `action` belongs to <wt-organisation-members>'s wt-error
    void event.detail.action;
  });
  document.addEventListener('wt-error', (event) => {
    // Narrowing with instanceof (module users) …
    if (event instanceof WtErrorEvent) {
      const step: StepId = event.detail.step;
      void step;
    } else {
      const action: MembersAction = event.detail.action;
      void action;
    }
    // … or by the detail's shape (a CDN page, which cannot import the classes).
    const { detail } = event;
    if ('step' in detail) {
      const step: StepId = detail.step;
      void step;
    }
  });
  // The map admits the members element's event, and the details are as they were.
  const fromMembers: GlobalEventHandlersEventMap['wt-error'] = new WtMembersErrorEvent({
    code: 'last_administrator',
    action: 'update',
  });
  const fromOnboarding: GlobalEventHandlersEventMap['wt-error'] = new WtErrorEvent({ code: 'timeout', step: 'code' });
  void [fromMembers, fromOnboarding];
  // @ts-expect-error a WtErrorEvent still names a step, not an action
  void new WtErrorEvent({ code: 'timeout', action: 'load' });
}

describe('wt-error of both elements', () => {
  it('a page listener tells them apart with instanceof, as docs/developers.md shows', async () => {
    const el = await mount();
    const seen: string[] = [];
    const listener = (event: GlobalEventHandlersEventMap['wt-error']) => {
      if (event instanceof WtErrorEvent) seen.push(`onboarding ${event.detail.step}`);
      else if (event instanceof WtMembersErrorEvent) seen.push(`members ${event.detail.action}`);
      seen.push(`step in detail: ${'step' in event.detail}`);
    };
    document.addEventListener('wt-error', listener);
    try {
      const failed = oneEvent(el, 'wt-error');
      const input = $(el, '#wt-invite-email') as HTMLInputElement;
      input.value = 'anna-at-bedrijf';
      buttonByText(el, 'Uitnodiging versturen').click();
      expect((await failed).detail).to.deep.equal({ code: 'invalid_email', action: 'invite' });
      await idle(el);
      expect(seen).to.deep.equal(['members invite', 'step in detail: false']);
    } finally {
      document.removeEventListener('wt-error', listener);
    }
  });
});
