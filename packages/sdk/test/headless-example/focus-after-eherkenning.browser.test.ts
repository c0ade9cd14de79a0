// examples/headless-sdk in Chromium: back from eHerkenning, the page loads on a step the person did not pick, so
// focus goes to that step's heading and a screen reader reads the outcome, as <wt-onboarding> does. (A plain load
// leaves focus alone: focus.browser.test.ts.)
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { verifiedSession } from '../fixtures.js';
import { examplePage, until } from './page.js';

describe('examples/headless-sdk: focus after eHerkenning', () => {
  before(async () => {
    history.replaceState(null, '', `${location.pathname}?wt-eherkenning=verified`);
    await examplePage(
      http.get('/api/v1/session', () =>
        HttpResponse.json(verifiedSession({ expiresAt: new Date(Date.now() + 30 * 60_000).toISOString() })),
      ),
    );
    await import('../../../../examples/headless-sdk/main.ts');
  });

  it('puts focus on the heading "Jouw account is geverifieerd!"', async () => {
    const heading = () => document.querySelector<HTMLElement>('#app h2');
    await until(() => heading()?.textContent === 'Jouw account is geverifieerd!', 'the verified step');
    await until(() => document.activeElement === heading(), 'focus on the heading');
    expect(document.activeElement?.textContent).to.equal('Jouw account is geverifieerd!');
  });
});
