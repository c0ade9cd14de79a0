// examples/headless-sdk in Chromium: the invitation form of a person without an account shows the errors of the
// name fields next to them (here a first name over 100 characters, refused before anything is sent).
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { InvitationPreview, Session } from '../../src/index.js';
import { examplePage, until } from './page.js';

const preview: InvitationPreview = {
  organisation: { name: 'Installatiebedrijf De Vries B.V.' },
  email: 'anna@bedrijf.nl',
  rights: ['register_for_meetings'],
  expiresAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
  accountExists: false,
};
const session: Session = {
  step: null,
  account: null,
  memberships: [],
  flow: null,
  eherkenning: null,
  expiresAt: null,
  extendable: false,
};
let accepted = 0;

const field = (name: string) => document.querySelector<HTMLInputElement>(`#app input[name="${name}"]`)!;

describe('examples/headless-sdk: invitation', () => {
  before(async () => {
    history.replaceState(null, '', `${location.pathname}?wt-invitation=invitation-token-0123456789abcdef`);
    await examplePage(
      http.get('/api/v1/session', () => HttpResponse.json(session)),
      http.post('/api/v1/invitations/lookup', () => HttpResponse.json(preview)),
      http.post('/api/v1/invitations/accept', () => {
        accepted++;
        return HttpResponse.json(session);
      }),
    );
    await import('../../../../examples/headless-sdk/main.ts');
  });

  it('shows the error of a name next to its field', async () => {
    await until(() => field('firstName') !== null, 'the invitation form');
    for (const [name, value] of Object.entries({
      password: 'Zonnepaneel#2026!x',
      passwordRepeat: 'Zonnepaneel#2026!x',
      firstName: 'A'.repeat(101),
      lastName: 'de Vries',
    })) {
      field(name).value = value;
    }
    field('firstName').form!.requestSubmit();
    await until(() => field('firstName').getAttribute('aria-invalid') === 'true', 'the first name marked');
    const label = field('firstName').closest('label')!;
    // Beside the field what to fill in; the status line says in general that fields are marked.
    expect(label.querySelector('.field-error')?.textContent).to.equal('Vul je voornaam in (hoogstens 100 tekens).');
    expect(document.querySelector('#status')!.textContent).to.include('Controleer de gemarkeerde velden');
    expect(field('lastName').hasAttribute('aria-invalid')).to.equal(false);
    expect(document.querySelector('#status')!.className).to.equal('error');
    expect(accepted).to.equal(0);
  });
});
