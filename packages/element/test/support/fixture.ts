// Puts <wt-onboarding> on a step the way a person would find it after a reload: the fake API's session (or the
// SDK's stored step for the steps before a server-side flow) decides, the element restores.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { STEP_STORAGE_KEY, type FlowState, type StepId } from '@wij-techniek/onboarding-sdk';
import '../../src/define.js';
import type { WtOnboarding } from '../../src/onboarding.js';
import { ACCOUNT, api, MEMBERSHIP, startApi, type FakeSession } from './api.js';

/** The server-side session that puts the person on `step`. */
export function sessionFor(step: StepId): Partial<FakeSession> {
  switch (step) {
    case 'code':
      return { step, flow: api.codeFlow('signup', ACCOUNT.email, 45) };
    case 'password-code':
      return { step, flow: api.codeFlow('password-reset', ACCOUNT.email, 45) };
    case 'details':
      return { step, flow: api.codeFlow('signup') };
    case 'password-new':
      return { step, flow: api.codeFlow('password-reset') };
    case 'supplier':
      return { step, account: ACCOUNT };
    case 'verified':
      return { step: null, account: { ...ACCOUNT, verified: true }, memberships: [MEMBERSHIP] };
    default:
      return {};
  }
}

/** Sets a query parameter of this page's address (or removes it with `undefined`), keeping wtr's own. */
export function setParam(name: string, value: string | undefined): void {
  const url = new URL(location.href);
  if (value === undefined) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  history.replaceState(null, '', url.href);
}

/** Starts from nothing: no session, no stored step, no flow parameters. */
export async function resetAll(session: Partial<FakeSession> = {}): Promise<void> {
  await startApi();
  api.reset(session);
  sessionStorage.clear();
  setParam('wt-eherkenning', undefined);
  setParam('wt-invitation', undefined);
  setParam('wt-sign-in', undefined);
}

/** Options of {@link showStep}. */
export interface ShowOptions {
  readonly lang?: 'nl' | 'en';
  readonly session?: Partial<FakeSession>;
}

/** Renders the element on `step` and waits until it shows it, idle. */
export async function showStep(step: StepId, options: ShowOptions = {}): Promise<WtOnboarding> {
  await resetAll({ ...sessionFor(step), ...options.session });
  if (['eherkenning-info', 'account', 'email', 'password-email'].includes(step)) {
    sessionStorage.setItem(STEP_STORAGE_KEY, step);
  }
  if (step === 'invitation') setParam('wt-invitation', 'uitnodiging-token');
  const el = await fixture<WtOnboarding>(html`<wt-onboarding lang=${options.lang ?? 'nl'}></wt-onboarding>`);
  await settled(el, step);
  return el;
}

/** Waits until the element shows `step` (any step when omitted) and no request is under way. */
export async function settled(el: WtOnboarding, step?: StepId): Promise<FlowState> {
  await waitUntil(
    () => el.flow?.state && !el.flow.state.busy && (!step || el.flow.state.step === step) && shadow(el, '#wt-heading'),
    `element did not settle on ${step ?? 'a step'} (now on ${el.flow?.state.step ?? 'nothing'})`,
    { timeout: 5000 },
  );
  await el.updateComplete;
  return el.flow!.state;
}

/** One element inside the shadow root. */
export function shadow<E extends Element = HTMLElement>(el: WtOnboarding, selector: string): E | null {
  return el.shadowRoot!.querySelector<E>(selector);
}

/** All elements inside the shadow root. */
export function shadowAll<E extends Element = HTMLElement>(el: WtOnboarding, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** The visible text of the step heading. */
export function heading(el: WtOnboarding): string {
  return shadow(el, '#wt-heading')?.textContent?.trim() ?? '';
}

/** A button by its text. */
export function button(el: WtOnboarding, text: string): HTMLButtonElement {
  const found = shadowAll<HTMLButtonElement>(el, 'button').find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}" on ${el.flow?.state.step}`);
  return found;
}

/** Types `value` into the named input as a person would (input events included). */
export function type(el: WtOnboarding, name: string, value: string): HTMLInputElement {
  const input = shadow<HTMLInputElement>(el, `[name="${name}"]`);
  if (!input) throw new Error(`no input ${name} on ${el.flow?.state.step}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  return input;
}

/** Submits the form that holds the named input, as pressing Enter would. */
export function submitForm(el: WtOnboarding, name: string): void {
  shadow<HTMLInputElement>(el, `[name="${name}"]`)!.form!.requestSubmit();
}

/** The error text shown next to a field. */
export function fieldError(el: WtOnboarding, name: string): string {
  const input = shadow<HTMLInputElement>(el, `[name="${name}"]`);
  const ids = input?.getAttribute('aria-describedby')?.split(' ') ?? [];
  const id = ids.find((candidate) => candidate.endsWith('-error'));
  return id ? (shadow(el, `#${id}`)?.textContent?.replace(/\s+/gu, ' ').trim() ?? '') : '';
}

/** The text of the error live region. */
export function alertText(el: WtOnboarding): string {
  return shadow(el, '[role="alert"]')?.textContent?.replace(/\s+/gu, ' ').trim() ?? '';
}
