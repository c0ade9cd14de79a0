// A person with a keyboard only walks the whole sign-up, from "Start hier" to "Jouw account is geverifieerd!":
// Tab to the control, type, Enter. Focus lands on each new step's heading, so each walk starts there.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { WtEherkenningRedirectEvent } from '../src/events/eherkenning-redirect.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, api, CODE, MEMBERSHIP, PASSWORD, SUPPLIERS } from './support/api.js';
import { heading, resetAll, sessionFor, setParam, settled, shadow } from './support/fixture.js';

/** The focused element inside the shadow root. */
function focused(el: WtOnboarding): HTMLElement | null {
  return el.shadowRoot!.activeElement as HTMLElement | null;
}

/** Presses Tab until `matches` holds for the focused element (at most 25 times). */
async function tabTo(el: WtOnboarding, matches: (target: HTMLElement) => boolean, what: string): Promise<void> {
  for (let presses = 0; presses < 25; presses++) {
    const target = focused(el);
    if (target && matches(target)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what} on ${el.flow?.state.step}`);
}

const byText = (text: string) => (target: HTMLElement) => target.textContent?.trim() === text;
const byName = (name: string) => (target: HTMLElement) => target.getAttribute('name') === name;

/** Waits for the step and checks that focus moved to its heading. */
async function arrive(el: WtOnboarding, step: Parameters<typeof settled>[1]): Promise<void> {
  await settled(el, step);
  expect(focused(el)?.id, `focus on the heading of ${step}`).to.equal('wt-heading');
}

describe('<wt-onboarding> keyboard only', () => {
  afterEach(() => {
    setParam('wt-eherkenning', undefined);
    setParam('wt-sign-in', undefined);
  });

  it('walks from "Start hier" to "Jouw account is geverifieerd!" (focus on every new heading)', async () => {
    await resetAll();
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await settled(el, 'start');
    expect(focused(el), 'no focus is taken on first render').to.equal(null);

    await tabTo(el, byText('Start hier'), 'Start hier');
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'eherkenning-info');

    await tabTo(el, byText('Login eHerkenning'), 'Login eHerkenning');
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'account');

    await tabTo(el, byText('Maak een account aan'), 'Maak een account aan');
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'email');
    expect(Object.entries(sessionStorage), 'a step name is all the tab keeps').to.deep.equal([
      ['wt-onboarding-step', 'email'],
    ]);

    await tabTo(el, byName('email'), 'the e-mail input');
    await sendKeys({ type: ACCOUNT.email });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'code');

    await tabTo(el, byName('code'), 'the code input');
    await sendKeys({ type: `${CODE.slice(0, 3)} ${CODE.slice(3)}` });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'details');

    await tabTo(el, byName('password'), 'the password input');
    await sendKeys({ type: PASSWORD });
    await tabTo(el, byName('passwordRepeat'), 'the repeat input');
    await sendKeys({ type: PASSWORD });
    await tabTo(el, byName('firstName'), 'the first name');
    await sendKeys({ type: 'Jan' });
    await tabTo(el, byName('lastName'), 'the last name');
    await sendKeys({ type: 'Jansen' });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'supplier');

    await tabTo(el, byName('supplierId'), 'the supplier select');
    await sendKeys({ press: 'ArrowDown' });
    expect((focused(el) as HTMLSelectElement).value).to.equal(SUPPLIERS[0]!.id);
    await tabTo(el, byText('Verder'), 'Verder');
    const redirect = oneEvent(el, 'wt-eherkenning-redirect');
    // The page takes over navigation here, so the test page stays; the broker is not part of this walk.
    el.addEventListener('wt-eherkenning-redirect', (event) => event.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    const event = (await redirect) as WtEherkenningRedirectEvent;
    expect(event.detail.supplierId).to.equal(SUPPLIERS[0]!.id);
    // SECURITY.md W3: what the tab keeps (docs/developers.md) is a supplier id; the step is the server's now.
    expect(Object.entries(sessionStorage)).to.deep.equal([['wt-onboarding-supplier', SUPPLIERS[0]!.id]]);

    // Back from the broker: the callback sent the browser to this page with the outcome; the server confirms it.
    el.remove();
    api.session = { ...api.session, step: null, memberships: [MEMBERSHIP], eherkenning: 'verified' };
    setParam('wt-eherkenning', 'verified');
    const back = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await arrive(back, 'verified');
    expect(heading(back)).to.equal('Jouw account is geverifieerd!');
    expect(back.shadowRoot!.textContent).to.contain('Jouw account is het beheerdersaccount voor jouw organisatie');
    expect(location.search).to.not.contain('wt-eherkenning');
    await tabTo(back, (target) => target.tagName === 'A', 'the link back to the site');
  });

  it('opened from the "you already have an account" mail: focus on the sign-in heading, the address filled in', async () => {
    // The sign-up of an address with an account: the server made a flow as for a new one (R4); the mail's link
    // brings the person here with wt-sign-in=1, so the page opening is the outcome of their click in the mail.
    await resetAll(sessionFor('code'));
    setParam('wt-sign-in', '1');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await arrive(el, 'account');
    expect(shadow<HTMLInputElement>(el, '[name="email"]')?.value).to.equal(ACCOUNT.email);
    expect(location.search).to.not.contain('wt-sign-in');
  });

  it('a plain load on the sign-in step takes no focus', async () => {
    await resetAll();
    sessionStorage.setItem('wt-onboarding-step', 'account');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await settled(el, 'account');
    expect(focused(el), 'no focus is taken on a plain load').to.equal(null);
  });

  it('signs in with an existing account from the account step, by keyboard', async () => {
    await resetAll({ memberships: [MEMBERSHIP] });
    sessionStorage.setItem('wt-onboarding-step', 'account');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="en"></wt-onboarding>`);
    await settled(el, 'account');
    await tabTo(el, byName('email'), 'the e-mail input');
    await sendKeys({ type: 'bestaand@bedrijf.nl' });
    await tabTo(el, byName('password'), 'the password input');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'verified');
    expect(heading(el)).to.equal('Your account is verified!');
  });

  it('recovers a forgotten password from the sign-in step, by keyboard, and continues to eHerkenning', async () => {
    await resetAll();
    sessionStorage.setItem('wt-onboarding-step', 'account');
    const el = await fixture<WtOnboarding>(html`<wt-onboarding lang="nl"></wt-onboarding>`);
    await settled(el, 'account');
    await tabTo(el, byText('Wachtwoord vergeten?'), 'Wachtwoord vergeten?');
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'password-email');

    await tabTo(el, byName('email'), 'the e-mail input');
    await sendKeys({ type: ACCOUNT.email });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'password-code');

    await tabTo(el, byName('code'), 'the code input');
    await sendKeys({ type: CODE });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'password-new');

    await tabTo(el, byName('password'), 'the new password');
    await sendKeys({ type: PASSWORD });
    await tabTo(el, byName('passwordRepeat'), 'the repeat');
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await arrive(el, 'supplier');
  });
});
