// WCAG 2.2.1 Timing adjustable: two minutes before the session ends the element says so, with the time left and a
// button that extends it; a fixed end says what to do instead. The element's clock is the test's: nothing waits.
import { expect, waitUntil } from '@open-wc/testing';
import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import type { WtOnboarding } from '../src/onboarding.js';
import { api } from './support/api.js';
import { button, settled, shadow, shadowAll, showStep } from './support/fixture.js';

const { nl, en } = TRANSLATIONS;

/** The element on `step` whose session ends `seconds` from now, with a clock the test moves. */
async function endingIn(
  seconds: number,
  options: { extendable?: boolean; lang?: 'nl' | 'en'; idleMinutes?: number } = {},
) {
  const el = await showStep('supplier', {
    lang: options.lang,
    session: {
      endsAt: Date.now() + seconds * 1000,
      extendable: options.extendable ?? true,
      idleMinutes: options.idleMinutes,
    },
  });
  // Restoring asked GET /session, which moved an extendable end on: the state has the end in force.
  const ends = el.flow!.state.sessionEndsAt!;
  let now = Date.now();
  el.clock = () => now;
  api.clock = () => now;
  const at = async (msBeforeEnd: number) => {
    now = ends - msBeforeEnd;
    el.requestUpdate();
    await el.updateComplete;
  };
  return { el, ends, at };
}

const notice = (el: WtOnboarding) => shadow(el, '[part~="session-notice"]');
const announced = (el: WtOnboarding) =>
  shadowAll(el, '[role="status"]')
    .map((region) => region.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');

describe('<wt-onboarding> session notice (WCAG 2.2.1)', () => {
  it('appears two minutes before the end, not earlier, announced politely, with the time left', async () => {
    const { el, at } = await endingIn(10 * 60);
    expect(el.flow!.state.sessionEndsAt).to.be.a('number');
    await at(120_001);
    expect(notice(el) === null, 'no notice at 2:00.001 before the end').to.equal(true);
    expect(announced(el)).to.not.contain(nl.session.warning.slice(0, 20));
    await at(120_000);
    expect(notice(el)?.textContent).to.contain('Je sessie stopt binnen 2 minuten als je niets doet.');
    expect(notice(el)?.textContent).to.contain('Nog 2:00');
    expect(announced(el)).to.contain('Je sessie stopt binnen 2 minuten');
    await at(60_500);
    expect(notice(el)?.textContent).to.contain('binnen 2 minuten').and.contain('Nog 1:01');
    await at(0);
    expect(
      notice(el) === null,
      'gone once the end has passed (the flow then asks the server and shows the sign-in step)',
    ).to.equal(true);
  });

  it('under a minute the sentence says "binnenkort", as the timer counts the seconds; announced twice in all', async () => {
    const { el, at } = await endingIn(10 * 60);
    const announcements: string[] = [];
    for (let seconds = 120; seconds > 0; seconds--) {
      await at(seconds * 1000);
      const now = announced(el);
      if (now !== announcements.at(-1)) announcements.push(now);
    }
    expect(announcements, 'the live region changes once a minute is left, not every second').to.deep.equal([
      nl.session.warning.replace('{minutes|# minuut|# minuten}', '2 minuten'),
      nl.session.warningSoon,
    ]);
    await at(19_000);
    expect(notice(el)?.textContent).to.contain('Je sessie stopt binnenkort als je niets doet.').and.contain('Nog 0:19');
    expect(notice(el)?.textContent).to.not.contain('minuut');
    await at(60_000);
    expect(notice(el)?.textContent, 'a minute left is "soon" too').to.contain('binnenkort').and.contain('Nog 1:00');
  });

  it('in English, and for a fixed end, "soon" too', async () => {
    const { el, at } = await endingIn(10 * 60, { lang: 'en', extendable: false });
    await at(19_000);
    expect(notice(el)?.textContent)
      .to.contain('Your session ends soon and cannot be extended')
      .and.contain('0:19 left');
  });

  it('a one-minute idle time: the notice comes half a minute before the end, not for the whole session', async () => {
    const { el, ends, at } = await endingIn(10 * 60, { idleMinutes: 1 });
    expect(ends - Date.now()).to.be.within(50_000, 60_000);
    await at(30_001);
    expect(notice(el) === null, 'no notice at 0:30.001 before the end of a one-minute session').to.equal(true);
    expect(announced(el)).to.equal('');
    await at(30_000);
    expect(notice(el)?.textContent).to.contain(nl.session.warningSoon).and.contain('Nog 0:30');
    // Doorgaan: the end moves a minute on, and the notice stays away until half a minute before that end.
    button(el, nl.session.extend).click();
    await waitUntil(() => (el.flow!.state.sessionEndsAt ?? 0) > ends, 'the end did not move', { timeout: 5000 });
    await settled(el, 'supplier');
    expect(notice(el) === null, 'the notice is gone').to.equal(true);
  });

  it('a two-minute idle time: the notice comes one minute before the end', async () => {
    const { el, at } = await endingIn(10 * 60, { idleMinutes: 2 });
    await at(60_001);
    expect(notice(el) === null, 'no notice at 1:00.001 before the end of a two-minute session').to.equal(true);
    await at(60_000);
    expect(notice(el)?.textContent).to.contain(nl.session.warningSoon).and.contain('Nog 1:00');
  });

  it('does not take focus from the field being typed in; its button follows in the tab order', async () => {
    const { el, at } = await endingIn(10 * 60);
    const select = shadow<HTMLSelectElement>(el, 'select')!;
    select.focus();
    await at(90_000);
    expect(el.shadowRoot!.activeElement).to.equal(select);
    const extend = shadow<HTMLButtonElement>(el, '[part~="session-extend"]')!;
    const focusable = shadowAll(el, 'a[href], button, input:not([hidden]), select');
    expect(focusable.indexOf(extend)).to.be.above(focusable.indexOf(select));
    expect(extend.tagName).to.equal('BUTTON');
    expect(extend.type).to.equal('button');
  });

  it('the button extends the session: the server is asked, the notice goes and the extension is announced', async () => {
    const { el, ends, at } = await endingIn(10 * 60);
    await at(60_000);
    api.requests.length = 0;
    button(el, nl.session.extend).click();
    await waitUntil(() => (el.flow!.state.sessionEndsAt ?? 0) > ends, 'the end did not move', { timeout: 5000 });
    await settled(el, 'supplier');
    expect(api.requests).to.deep.equal(['GET /session']);
    expect(notice(el) === null, 'the notice is gone').to.equal(true);
    expect(announced(el)).to.contain(nl.session.extended);
  });

  it('a fixed end: says it cannot be extended and what to do, without a button', async () => {
    const { el, at } = await endingIn(10 * 60, { extendable: false });
    await at(100_000);
    expect(notice(el)?.textContent).to.contain('kan om veiligheidsredenen niet worden verlengd');
    expect(notice(el)?.textContent).to.contain('log je opnieuw in');
    expect(shadow(el, '[part~="session-extend"]') === null, 'no button').to.equal(true);
  });

  it('the code step counts down to the end of its sign-up, which no request moves', async () => {
    const el = await showStep('code');
    const flowEnd = el.flow!.state.sessionEndsAt!;
    el.clock = () => flowEnd - 30_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(notice(el)?.textContent).to.contain(nl.session.endingSoon);
    expect(shadow(el, '[part~="session-extend"]') === null, 'no button').to.equal(true);
  });

  for (const [lang, t] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    it(`passes axe with the notice shown (${lang})`, async () => {
      const { el, at } = await endingIn(10 * 60, { lang });
      await at(100_000);
      expect(notice(el)?.textContent).to.contain(t.session.timeLeft.replace('{time}', '1:40'));
      await expect(el).to.be.accessible();
    });
  }

  it('the texts can be overridden like every text', async () => {
    const { el, at } = await endingIn(10 * 60);
    el.texts = { session: { extend: 'Ik ben er nog' } };
    await at(60_000);
    expect(shadow(el, '[part~="session-extend"]')!.textContent.trim()).to.equal('Ik ben er nog');
  });
});
