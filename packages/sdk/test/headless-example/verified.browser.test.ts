// examples/headless-sdk in Chromium: the verified step names the person's role from their rights (a member is
// not told they administer the organisation), the error style reaches the live region it was written for, and
// signing out says so on the start step.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Membership, Session } from '../../src/index.js';
import { examplePage, shown, until } from './page.js';

const membership: Membership = {
  id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  organisation: {
    id: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
    name: 'Installatiebedrijf De Vries B.V.',
    kvkNumber: '12345678',
    branchNumber: null,
  },
  rights: ['register_for_meetings', 'submit_expense_claims'],
};
const session: Session = {
  step: 'verified',
  account: {
    id: '6f1c2a9e-1b2c-4d3e-8f40-123456789abc',
    email: 'piet@bedrijf.nl',
    firstName: 'Piet',
    lastName: 'de Vries',
    verified: true,
  },
  memberships: [membership],
  flow: null,
  eherkenning: null,
  expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
  extendable: true,
};

describe('examples/headless-sdk: verified', () => {
  before(async () => {
    await examplePage(
      http.get('/api/v1/session', () => HttpResponse.json(session)),
      http.post('/api/v1/logout', () => new HttpResponse(null, { status: 204 })),
    );
    await import('../../../../examples/headless-sdk/main.ts');
  });

  it('tells a member they are a member, not the administrator', async () => {
    await until(() => shown().includes('geverifieerd'), 'the verified step');
    expect(shown()).to.include('Je bent lid van Installatiebedrijf De Vries B.V.');
    expect(shown()).not.to.include('beheerder');
  });

  it('colours the live region (role=status) when it carries an error, and only then', () => {
    const status = document.querySelector<HTMLElement>('#status')!;
    expect(status.getAttribute('role')).to.equal('status');
    const plain = getComputedStyle(status).color;
    status.classList.add('error');
    expect(getComputedStyle(status).color).to.equal('rgb(164, 0, 27)');
    expect(plain).not.to.equal('rgb(164, 0, 27)');
    status.classList.remove('error');
  });

  it('"Uitloggen" confirms itself on the start step (a shared computer: the next person sees they start clean)', async () => {
    [...document.querySelectorAll<HTMLButtonElement>('#app button')]
      .find((each) => each.textContent === 'Uitloggen')!
      .click();
    await until(() => shown().includes('Start hier'), 'the start step');
    expect(document.querySelector('#status')!.textContent).to.equal('Je bent uitgelogd.');
  });
});
