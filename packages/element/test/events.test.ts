// The element's events mirror the flow: each fires because the flow moved, with its detail, bubbling out of the
// shadow root; a page can take over the navigation to eHerkenning by cancelling wt-eherkenning-redirect.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { WtAccountCreatedEvent } from '../src/events/account-created.js';
import type { WtEherkenningRedirectEvent } from '../src/events/eherkenning-redirect.js';
import type { WtErrorEvent } from '../src/events/error.js';
import type { WtSignedInEvent } from '../src/events/signed-in.js';
import type { WtSignedOutEvent } from '../src/events/signed-out.js';
import type { WtStepChangeEvent } from '../src/events/step-change.js';
import type { WtVerifiedEvent } from '../src/events/verified.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, api, EXISTING_EMAIL, MEMBERSHIP, PASSWORD, REDIRECT_URL } from './support/api.js';
import {
  button,
  resetAll,
  sessionFor,
  setParam,
  settled,
  shadow,
  showStep,
  submitForm,
  type,
} from './support/fixture.js';

/** The next `type` event that reaches the document: it bubbled and crossed the shadow boundary. */
function next<E extends Event>(type: string): Promise<E> {
  return oneEvent<E>(document, type);
}

function chooseSupplier(el: WtOnboarding, id = 'digidentity'): void {
  const select = shadow<HTMLSelectElement>(el, 'select')!;
  select.value = id;
  select.form!.requestSubmit();
}

describe('<wt-onboarding> events', () => {
  afterEach(() => setParam('wt-eherkenning', undefined));

  it('wt-step-change carries step and previousStep, composed and bubbling', async () => {
    const el = await showStep('start');
    const event = next<WtStepChangeEvent>('wt-step-change');
    button(el, 'Start hier').click();
    const { detail, bubbles, composed } = await event;
    expect(detail).to.deep.equal({ step: 'eherkenning-info', previousStep: 'start' });
    expect(bubbles && composed).to.equal(true);
  });

  it('fires nothing when a property or the language is set', async () => {
    const el = await showStep('start');
    const fired: string[] = [];
    const types = ['wt-step-change', 'wt-error', 'wt-account-created', 'wt-signed-in', 'wt-signed-out', 'wt-verified'];
    for (const type of types) {
      el.addEventListener(type, () => fired.push(type));
    }
    el.texts = { start: { action: 'Begin' } };
    el.homeUrl = '/elders';
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fired).to.deep.equal([]);
  });

  it('wt-account-created carries the new account', async () => {
    const el = await showStep('details');
    const event = next<WtAccountCreatedEvent>('wt-account-created');
    type(el, 'password', PASSWORD);
    type(el, 'passwordRepeat', PASSWORD);
    type(el, 'firstName', 'Jan');
    type(el, 'lastName', 'Jansen');
    submitForm(el, 'password');
    const { detail } = await event;
    expect(detail.account).to.include({ firstName: 'Jan', lastName: 'Jansen' });
  });

  it('wt-signed-in carries the account that signed in', async () => {
    const el = await showStep('account');
    const event = next<WtSignedInEvent>('wt-signed-in');
    type(el, 'email', EXISTING_EMAIL);
    type(el, 'password', PASSWORD);
    submitForm(el, 'password');
    expect((await event).detail.account.email).to.equal(EXISTING_EMAIL);
  });

  it('wt-signed-out carries the account that signed out, after the step changed to start', async () => {
    const el = await showStep('supplier');
    const order: string[] = [];
    for (const type of ['wt-step-change', 'wt-signed-out']) el.addEventListener(type, () => order.push(type));
    const event = next<WtSignedOutEvent>('wt-signed-out');
    button(el, 'Uitloggen').click();
    const { detail, bubbles, composed } = await event;
    expect(detail.account).to.deep.equal(ACCOUNT);
    expect(bubbles && composed).to.equal(true);
    expect(order).to.deep.equal(['wt-step-change', 'wt-signed-out']);
    expect(el.flow!.state.step).to.equal('start');
  });

  it('a session that ended by itself is no wt-signed-out: wt-error with session_expired', async () => {
    const el = await showStep('supplier');
    const signedOut: Event[] = [];
    el.addEventListener('wt-signed-out', (e) => signedOut.push(e));
    api.failNext('/eherkenning/start', { code: 'session_expired' });
    const event = next<WtErrorEvent>('wt-error');
    chooseSupplier(el);
    expect((await event).detail).to.deep.equal({ code: 'session_expired', step: 'supplier' });
    await settled(el, 'account');
    expect(signedOut).to.deep.equal([]);
  });

  it('wt-error carries the code and the step', async () => {
    const el = await showStep('account');
    const event = next<WtErrorEvent>('wt-error');
    type(el, 'email', EXISTING_EMAIL);
    type(el, 'password', 'fout');
    submitForm(el, 'password');
    expect((await event).detail).to.deep.equal({ code: 'invalid_credentials', step: 'account' });
  });

  it('wt-eherkenning-redirect: cancelling it stops the navigation (the page navigates itself)', async () => {
    const el = await showStep('supplier');
    let flowPrevented: boolean | undefined;
    el.flow!.addEventListener('redirect', (event) => (flowPrevented = event.defaultPrevented));
    el.addEventListener('wt-eherkenning-redirect', (event) => event.preventDefault(), { once: true });
    const event = next<WtEherkenningRedirectEvent>('wt-eherkenning-redirect');
    chooseSupplier(el);
    const { detail, cancelable } = await event;
    expect(detail).to.deep.equal({ supplierId: 'digidentity', redirectUrl: REDIRECT_URL });
    expect(cancelable).to.equal(true);
    await waitUntil(() => flowPrevented !== undefined && !el.flow!.state.busy, 'the flow did not finish');
    expect(flowPrevented, 'the flow was told not to navigate').to.equal(true);
    expect(el.flow!.state.step).to.equal('supplier');
  });

  it('wt-eherkenning-redirect: not cancelled, the flow navigates', async () => {
    const el = await showStep('supplier');
    let prevented: boolean | undefined;
    // Registered after the element's own listener: sees what the element decided, then keeps this test page.
    el.flow!.addEventListener('redirect', (event) => {
      prevented = event.defaultPrevented;
      event.preventDefault();
    });
    chooseSupplier(el, 'kpn');
    await waitUntil(() => prevented !== undefined, 'no redirect');
    expect(prevented).to.equal(false);
  });

  it('wt-verified carries the organisation the server confirmed after eHerkenning', async () => {
    await resetAll({ ...sessionFor('verified'), eherkenning: 'verified' });
    setParam('wt-eherkenning', 'verified');
    const event = next<WtVerifiedEvent>('wt-verified');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding></wt-onboarding>`);
    expect((await event).detail.organisation).to.deep.equal(MEMBERSHIP.organisation);
    await settled(el, 'verified');
    expect(api.requests).to.include('GET /session');
  });
});
