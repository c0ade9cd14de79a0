// Mounts <wt-organisation-members> on the fake organisation API and waits until it has loaded.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define-organisation-members.js';
import type { WtOrganisationMembers } from '../../src/organisation-members/organisation-members.js';
import { ORGANISATION, startOrganisationApi } from './api.js';

/** Mounts the element for the fake organisation, in `lang`, and waits for the first load to end. */
export async function mount(
  options: { lang?: string; texts?: unknown; organisationId?: string | null } = {},
): Promise<WtOrganisationMembers> {
  await startOrganisationApi();
  const el = await fixture<WtOrganisationMembers>(
    html`<wt-organisation-members
      organisation-id=${ifDefined(options.organisationId === null ? undefined : (options.organisationId ?? ORGANISATION.id))}
      lang=${options.lang ?? 'nl'}
      .texts=${options.texts}
    ></wt-organisation-members>`,
  );
  await waitUntil(
    () => el.people?.state.status === 'ready' || el.people?.state.status === 'failed',
    'the element never finished loading',
    { timeout: 8000 },
  );
  await el.updateComplete;
  return el;
}

/** The element's shadow root. */
export function root(el: WtOrganisationMembers): ShadowRoot {
  return el.shadowRoot!;
}

/** The element inside the shadow root that has focus. */
export function focused(el: WtOrganisationMembers): HTMLElement | null {
  return root(el).activeElement as HTMLElement | null;
}

/** One element in the shadow root; fails the test when it is missing. */
export function $(el: WtOrganisationMembers, selector: string): HTMLElement {
  const found = root(el).querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector} in <wt-organisation-members>`);
  return found;
}

/** The text of the polite live region. */
export function statusText(el: WtOrganisationMembers): string {
  return $(el, '[role="status"]').textContent?.trim() ?? '';
}

/** The text of the error live region. */
export function alertText(el: WtOrganisationMembers): string {
  return $(el, '[role="alert"]').textContent?.trim() ?? '';
}

/** The button whose visible text is `text` (within `within`, default the whole element). */
export function buttonByText(el: WtOrganisationMembers, text: string, within?: Element): HTMLButtonElement {
  const scope = within ?? root(el);
  const button = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    b.textContent?.replace(/\s+/gu, ' ').trim().startsWith(text),
  );
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

/** The list item of the member or invitation with `id`. */
export function item(el: WtOrganisationMembers, id: string): HTMLElement {
  return $(el, `[data-member-id="${id}"], [data-invitation-id="${id}"]`);
}

/** Presses Tab until `matches` holds for the focused element (at most 30 times). */
export async function tabTo(
  el: WtOrganisationMembers,
  matches: (target: HTMLElement) => boolean,
  what: string,
): Promise<HTMLElement> {
  for (let presses = 0; presses < 30; presses++) {
    const target = focused(el);
    if (target && matches(target)) return target;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Waits until the action just started has ended and the element has rendered its outcome. */
export async function idle(el: WtOrganisationMembers): Promise<void> {
  await waitUntil(() => el.people?.state.busy === undefined, 'the action never ended', { timeout: 8000 });
  // The element reacts to the outcome (focus, notice) one update later.
  await el.updateComplete;
  await el.updateComplete;
}
