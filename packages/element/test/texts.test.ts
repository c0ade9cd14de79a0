// The texts users know from the current pages (the seed), word for word where the seed has them, with the numbers
// that depend on the server's configuration (suppliers, password lengths) taken from it, in Dutch and English.
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { PASSWORD_POLICIES } from '@wij-techniek/onboarding-sdk';
import type { WtOnboarding } from '../src/onboarding.js';
import { ACCOUNT, api, API, CONFIG, EXISTING_EMAIL, SUPPLIERS, worker } from './support/api.js';
import { button, resetAll, sessionFor, settled, shadow, shadowAll, showStep } from './support/fixture.js';

/** The step's paragraphs, whitespace collapsed. */
function paragraphs(el: WtOnboarding): string[] {
  return shadowAll(el, '[part~="step"] p').map((p) => p.textContent.replace(/\s+/gu, ' ').trim());
}

/** Serves `config` instead of the default configuration. */
function serveConfig(config: typeof CONFIG): void {
  worker.use(http.get(`${API}/config`, () => HttpResponse.json(config)));
}

describe('<wt-onboarding> texts from the seed', () => {
  afterEach(() => worker.resetHandlers());

  it('start: "Voordat je begint:", the number of suppliers the server lists, the Belastingdienst link', async () => {
    const el = await showStep('start');
    expect(shadow(el, 'h3')!.textContent.trim()).to.equal('Voordat je begint:');
    expect(paragraphs(el)).to.include(
      'Om gebruik te maken van de online diensten van Wij Techniek is eHerkenning niveau 3 nodig. Heb je dit nog ' +
        `niet? Vraag dan eerst eHerkenning niveau 3 aan bij één van de ${SUPPLIERS.length} erkende leveranciers.`,
    );
    expect(paragraphs(el)).to.include(
      'Kijk voor meer informatie op de website van de Belastingdienst en zoek naar eHerkenning aanvragen.',
    );
    const link = shadow<HTMLAnchorElement>(el, '[part~="step"] a')!;
    expect(link.textContent.trim()).to.equal('website van de Belastingdienst');
    expect(link.href).to.equal('https://www.belastingdienst.nl/');
  });

  it('start: six suppliers from the server make "één van de 6"; the link follows eherkenning-info-url', async () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id.toUpperCase() }));
    serveConfig({ ...CONFIG, suppliers: six });
    await resetAll(sessionFor('start'));
    const el = document.createElement('wt-onboarding');
    el.setAttribute('eherkenning-info-url', 'https://www.wij-techniek.nl/eherkenning');
    document.body.append(el);
    try {
      await settled(el, 'start');
      expect(paragraphs(el).join(' ')).to.contain('bij één van de 6 erkende leveranciers.');
      expect(shadow<HTMLAnchorElement>(el, '[part~="step"] a')!.href).to.equal(
        'https://www.wij-techniek.nl/eherkenning',
      );
    } finally {
      el.remove();
    }
  });

  it('start (en): the same facts in English', async () => {
    const el = await showStep('start', { lang: 'en' });
    expect(shadow(el, 'h3')!.textContent.trim()).to.equal('Before you start:');
    expect(paragraphs(el).join(' ')).to.contain(`from one of the ${SUPPLIERS.length} recognised suppliers.`);
    expect(shadow(el, '[part~="step"] a')!.textContent.trim()).to.contain('Belastingdienst');
  });

  it('eherkenning-info: the same Belastingdienst sentence and link', async () => {
    const el = await showStep('eherkenning-info');
    expect(paragraphs(el)).to.include(
      'Kijk voor meer informatie op de website van de Belastingdienst en zoek naar eHerkenning aanvragen.',
    );
  });

  it('account: "Meld je dan aan en ga verder bij stap 7." with "Aanmelden", and step 7 is where it goes on', async () => {
    const el = await showStep('account');
    expect(paragraphs(el)).to.include('Meld je dan aan en ga verder bij stap 7.');
    expect(button(el, 'Aanmelden').type).to.equal('submit');
    // The number is the one the progress shows where signing in leads: the supplier step.
    const supplier = await showStep('supplier');
    expect(shadow(supplier, '[part~="progress"]')!.textContent.trim()).to.equal('Stap 7 van 8');

    const en = await showStep('account', { lang: 'en' });
    expect(paragraphs(en)).to.include('Then sign in and continue at step 7.');
    expect(button(en, 'Sign in').type).to.equal('submit');
  });

  it('details (business policy): the seed sentence with 14-22 and the four character classes', async () => {
    const el = await showStep('details');
    expect(paragraphs(el)[0]).to.equal(
      'Vul een zelfbedacht en veilig wachtwoord van tussen de 14-22 karakters, met een combinatie van hoofdletters, ' +
        'kleine letters, cijfers en symbolen in. Herhaal het wachtwoord in het vakje eronder. Vul ook je voor- en ' +
        'achternaam in.',
    );
    const en = await showStep('details', { lang: 'en' });
    expect(paragraphs(en)[0]).to.contain('between 14 and 22 characters, with a combination of upper-case letters');
  });

  it('details (standards policy): its own lengths and no character classes it does not require', async () => {
    serveConfig({ ...CONFIG, passwordPolicy: { ...PASSWORD_POLICIES.standards, requiredClasses: [] } });
    const el = await showStep('details');
    expect(paragraphs(el)[0]).to.equal(
      'Vul een zelfbedacht en veilig wachtwoord van tussen de 15-128 karakters in. Herhaal het wachtwoord in het ' +
        'vakje eronder. Vul ook je voor- en achternaam in.',
    );
  });

  it('code: says what an address with an account receives instead of a code, the same for every address', async () => {
    const hint =
      'Heb je met dit e-mailadres al een Wij Techniek-account? Dan krijg je geen code, maar een e-mail "Je hebt ' +
      'al een Wij Techniek-account". Meld je dan aan met de link in die e-mail.';
    for (const email of [ACCOUNT.email, EXISTING_EMAIL]) {
      const el = await showStep('code', { session: { step: 'code', flow: api.codeFlow('signup', email, 45) } });
      expect(paragraphs(el), `the code step for ${email}`).to.include(hint);
    }
    const en = await showStep('code', { lang: 'en' });
    expect(paragraphs(en).join(' ')).to.contain('an e-mail "You already have a Wij Techniek account"');
    // A forgotten password's code step has its own wording ("Als er een account bij … hoort").
    const reset = await showStep('password-code');
    expect(paragraphs(reset)).to.not.include(hint);
  });
});
