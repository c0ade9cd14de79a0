// <wt-organisation-members> in Chromium against msw standing in for the organisation API: what an
// administrator sees and does, what a member without the right sees, every error's message, both languages,
// overrides, keyboard, focus, live regions and theming.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RIGHTS, type ErrorCode } from '@wij-techniek/onboarding-sdk';
import { TRANSLATIONS } from '../../src/controllers/localize-controller.js';
import type {
  WtInvitationWithdrawnEvent,
  WtMemberInvitedEvent,
  WtMemberRemovedEvent,
  WtMembersErrorEvent,
  WtMemberUpdatedEvent,
} from '../../src/organisation-members/index.js';
import { membersEn } from '../../src/organisation-members/i18n/en.js';
import { membersNl } from '../../src/organisation-members/i18n/nl.js';
import { JAN, KEES, ORGANISATION, orgApi, PIET } from './api.js';
import { $, alertText, buttonByText, focused, idle, item, mount, root, statusText, tabTo } from './fixture.js';

const DUTCH_RIGHT_LABELS = [
  "Collega's aanmelden voor bijeenkomsten",
  'Declaraties indienen',
  'Exclusieve informatie en tools',
  'Beheer (rechten toekennen)',
];

/** The visible labels of the checkboxes within `scope`. */
function checkboxLabels(scope: ParentNode): string[] {
  return [...scope.querySelectorAll('label.checkbox-label')].map((label) => label.textContent?.trim() ?? '');
}

async function typeInvite(el: HTMLElement & { shadowRoot: ShadowRoot | null }, email: string, rights: string[]) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#wt-invite-email')!;
  input.focus();
  await sendKeys({ type: email });
  for (const right of rights) el.shadowRoot!.querySelector<HTMLInputElement>(`#wt-invite-right-${right}`)!.click();
}

describe('<wt-organisation-members>', () => {
  beforeEach(() => orgApi.reset());

  describe('for an administrator', () => {
    for (const lang of ['nl', 'en']) {
      it(`is accessible (axe) with members, invitations and the invite form (${lang})`, async () => {
        await expect(await mount({ lang })).to.be.accessible();
      });
    }

    it('lists every member with name, e-mail and rights, and the pending invitations', async () => {
      const el = await mount();
      expect($(el, '#wt-heading').textContent?.trim()).to.equal(membersNl.members.heading);
      expect(root(el).textContent).to.contain(ORGANISATION.name);
      const jan = item(el, JAN.id);
      expect(jan.textContent).to.contain('Jan de Vries').and.contain('(jij)').and.contain(JAN.email);
      expect([...jan.querySelectorAll('[part="right"]')].map((li) => li.textContent?.trim())).to.deep.equal(
        DUTCH_RIGHT_LABELS,
      );
      const piet = item(el, PIET.id);
      expect(piet.textContent).to.contain('Piet Bakker').and.contain(PIET.email).and.not.contain('(jij)');
      expect([...piet.querySelectorAll('[part="right"]')].map((li) => li.textContent?.trim())).to.deep.equal([
        'Declaraties indienen',
      ]);
      const kees = item(el, KEES.id);
      expect(kees.textContent).to.contain(KEES.email).and.contain("Collega's aanmelden voor bijeenkomsten");
      expect(kees.textContent).to.match(/De link werkt tot \d{1,2} \w+ \d{4}/u);
    });

    it('labels the invite form in Dutch, with the rights as the users know them', async () => {
      const el = await mount();
      const form = $(el, 'form[part~="invite-form"]');
      expect(form.querySelector('label[for="wt-invite-email"]')?.textContent?.trim()).to.equal(
        'E-mailadres van je collega',
      );
      expect(form.querySelector('legend')?.textContent?.trim()).to.equal('Rechten');
      expect(checkboxLabels(form)).to.deep.equal(DUTCH_RIGHT_LABELS);
      expect(buttonByText(el, 'Uitnodiging versturen', form).type).to.equal('submit');
    });

    it('invites a colleague with the ticked rights, announces it and lists the invitation', async () => {
      const el = await mount();
      await typeInvite(el, 'anna@bedrijf.nl', ['submit_expense_claims', 'administer']);
      const invited = oneEvent<WtMemberInvitedEvent>(el, 'wt-member-invited');
      await sendKeys({ press: 'Enter' });
      const event = await invited;
      await idle(el);
      expect(orgApi.bodies.at(-1)).to.deep.equal({
        email: 'anna@bedrijf.nl',
        rights: ['submit_expense_claims', 'administer'],
        lang: 'nl',
      });
      expect(event.detail.invitation.email).to.equal('anna@bedrijf.nl');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(statusText(el)).to.equal('De uitnodiging is verstuurd naar anna@bedrijf.nl.');
      const list = $(el, '[part~="invitation-list"]');
      expect(list.textContent).to.contain('anna@bedrijf.nl');
      // Ready for the next colleague: the form is empty and focus is back in the address field.
      expect(focused(el)?.id).to.equal('wt-invite-email');
      expect(($(el, '#wt-invite-email') as HTMLInputElement).value).to.equal('');
      expect(root(el).querySelectorAll('form[part~="invite-form"] input:checked').length).to.equal(0);
    });

    it('ties a wrong address to its field, says how to fix it and sends nothing', async () => {
      const el = await mount();
      await typeInvite(el, 'anna-at-bedrijf', []);
      const failed = oneEvent<WtMembersErrorEvent>(el, 'wt-error');
      buttonByText(el, 'Uitnodiging versturen').click();
      expect((await failed).detail).to.deep.equal({ code: 'invalid_email', action: 'invite' });
      await idle(el);
      const input = $(el, '#wt-invite-email');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('wt-invite-email-error');
      expect($(el, '#wt-invite-email-error').textContent?.trim()).to.equal(membersNl.errors.invalid_email);
      expect(focused(el)?.id).to.equal('wt-invite-email');
      expect(orgApi.requests.filter((r) => r.startsWith('POST'))).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says an address already belongs to a member', async () => {
      const el = await mount();
      await typeInvite(el, PIET.email, ['register_for_meetings']);
      buttonByText(el, 'Uitnodiging versturen').click();
      await idle(el);
      expect($(el, '#wt-invite-email-error').textContent?.trim()).to.equal(membersNl.errors.already_member);
    });

    it('changes a member’s rights: focus into the form, save, focus back, announced, event', async () => {
      const el = await mount();
      const edit = buttonByText(el, 'Rechten wijzigen', item(el, PIET.id));
      expect(edit.textContent?.replace(/\s+/gu, ' ').trim()).to.equal('Rechten wijzigen van Piet Bakker');
      edit.click();
      await el.updateComplete;
      const form = item(el, PIET.id).querySelector('form')!;
      expect(form.querySelector('legend')?.textContent?.trim()).to.equal('Rechten van Piet Bakker');
      expect(checkboxLabels(form)).to.deep.equal(DUTCH_RIGHT_LABELS);
      expect(focused(el)?.id).to.equal(`wt-rights-${PIET.id}-${RIGHTS[0]}`);
      await sendKeys({ press: 'Space' }); // ticks "Collega's aanmelden voor bijeenkomsten"
      const updated = oneEvent<WtMemberUpdatedEvent>(el, 'wt-member-updated');
      buttonByText(el, 'Rechten opslaan', form).click();
      const event = await updated;
      await idle(el);
      expect(orgApi.bodies.at(-1)).to.deep.equal({ rights: ['register_for_meetings', 'submit_expense_claims'] });
      expect(event.detail.previousRights).to.deep.equal(['submit_expense_claims']);
      expect(event.detail.member.rights).to.deep.equal(['register_for_meetings', 'submit_expense_claims']);
      expect(statusText(el)).to.equal('De rechten van Piet Bakker zijn opgeslagen.');
      expect(focused(el)?.id).to.equal(`wt-edit-${PIET.id}`);
      expect(item(el, PIET.id).querySelectorAll('[part="right"]').length).to.equal(2);
    });

    it('closes the rights form on Annuleren and puts focus back on its button', async () => {
      const el = await mount();
      buttonByText(el, 'Rechten wijzigen', item(el, PIET.id)).click();
      await el.updateComplete;
      buttonByText(el, 'Annuleren', item(el, PIET.id)).click();
      await el.updateComplete;
      expect(item(el, PIET.id).querySelector('form')).to.equal(null);
      expect(focused(el)?.id).to.equal(`wt-edit-${PIET.id}`);
      expect(orgApi.requests.filter((r) => r.startsWith('PATCH'))).to.deep.equal([]);
    });

    it('refuses to take the administer right from the last administrator, and says what to do', async () => {
      const el = await mount();
      buttonByText(el, 'Rechten wijzigen', item(el, JAN.id)).click();
      await el.updateComplete;
      ($(el, `#wt-rights-${JAN.id}-administer`) as HTMLInputElement).click();
      const failed = oneEvent<WtMembersErrorEvent>(el, 'wt-error');
      buttonByText(el, 'Rechten opslaan').click();
      expect((await failed).detail).to.deep.equal({ code: 'last_administrator', action: 'update' });
      await idle(el);
      expect(alertText(el)).to.equal(membersNl.errors.last_administrator);
      // The form stays open with the person's choice, so they can correct it.
      expect(item(el, JAN.id).querySelector('form')).to.not.equal(null);
      expect(orgApi.members.find((m) => m.id === JAN.id)?.rights).to.include('administer');
    });

    it('removes a member only after confirmation, then announces it and moves focus to the list', async () => {
      const el = await mount();
      buttonByText(el, 'Verwijderen', item(el, PIET.id)).click();
      await el.updateComplete;
      const confirmation = $(el, '[part="confirmation"]');
      expect(confirmation.getAttribute('role')).to.equal('group');
      expect(confirmation.textContent).to.contain('Weet je zeker dat je Piet Bakker (piet@bedrijf.nl)');
      expect(focused(el)?.id).to.equal(`wt-confirm-remove-${PIET.id}`);
      expect(orgApi.requests.filter((r) => r.startsWith('DELETE'))).to.deep.equal([]);
      // Cancel first: nothing is sent and focus returns to "Verwijderen".
      buttonByText(el, 'Annuleren', confirmation).click();
      await el.updateComplete;
      expect(focused(el)?.id).to.equal(`wt-remove-${PIET.id}`);
      buttonByText(el, 'Verwijderen', item(el, PIET.id)).click();
      await el.updateComplete;
      const removed = oneEvent<WtMemberRemovedEvent>(el, 'wt-member-removed');
      buttonByText(el, 'Ja, verwijderen').click();
      const event = await removed;
      await idle(el);
      expect(event.detail.member.email).to.equal(PIET.email);
      expect(event.detail.self).to.equal(false);
      expect(root(el).querySelector(`[data-member-id="${PIET.id}"]`)).to.equal(null);
      expect(statusText(el)).to.equal(`Piet Bakker is verwijderd uit ${ORGANISATION.name}.`);
      expect(focused(el)?.id).to.equal('wt-members-heading');
    });

    it('withdraws an invitation', async () => {
      const el = await mount();
      const withdrawn = oneEvent<WtInvitationWithdrawnEvent>(el, 'wt-invitation-withdrawn');
      buttonByText(el, 'Uitnodiging intrekken', item(el, KEES.id)).click();
      expect((await withdrawn).detail.invitation.email).to.equal(KEES.email);
      await idle(el);
      expect(orgApi.requests).to.include('DELETE /organisations/{id}/invitations/{invitationId}');
      expect(root(el).querySelector(`[data-invitation-id="${KEES.id}"]`)).to.equal(null);
      expect($(el, '[part~="invitations"]').textContent).to.contain(membersNl.invitations.none);
      expect(statusText(el)).to.contain(KEES.email).and.contain('ingetrokken');
      expect(focused(el)?.id).to.equal('wt-invitations-heading');
    });

    it('shows busy in the live region and sends nothing twice while a request runs', async () => {
      const el = await mount();
      const release = orgApi.holdAnswers();
      const withdraw = buttonByText(el, 'Uitnodiging intrekken', item(el, KEES.id));
      withdraw.click();
      await el.updateComplete;
      expect(statusText(el)).to.equal(TRANSLATIONS.nl.common.busy);
      expect(el.matches(':state(busy)')).to.equal(true);
      expect(withdraw.getAttribute('aria-disabled')).to.equal('true');
      withdraw.click();
      buttonByText(el, 'Rechten wijzigen', item(el, PIET.id)).click();
      release();
      await idle(el);
      expect(orgApi.requests.filter((r) => r.startsWith('DELETE'))).to.have.length(1);
      expect(el.matches(':state(busy)')).to.equal(false);
    });
  });

  describe('errors say what happened and what to do next', () => {
    const cases: [ErrorCode, 'POST' | 'PATCH' | 'DELETE'][] = [
      ['forbidden', 'POST'],
      ['rate_limited', 'POST'],
      ['not_signed_in', 'PATCH'],
      ['internal_error', 'DELETE'],
    ];
    for (const [code, method] of cases) {
      it(`${code} on ${method}`, async () => {
        const el = await mount();
        orgApi.failNext(method, code);
        if (method === 'POST') {
          await typeInvite(el, 'anna@bedrijf.nl', []);
          buttonByText(el, 'Uitnodiging versturen').click();
        } else if (method === 'PATCH') {
          buttonByText(el, 'Rechten wijzigen', item(el, PIET.id)).click();
          await el.updateComplete;
          buttonByText(el, 'Rechten opslaan').click();
        } else {
          buttonByText(el, 'Uitnodiging intrekken', item(el, KEES.id)).click();
        }
        await idle(el);
        const expected = membersNl.errors[code] ?? TRANSLATIONS.nl.errors[code];
        expect(alertText(el)).to.equal(expected);
        expect($(el, '[role="alert"]').className).to.not.contain('visually-hidden');
      });
    }

    it('not signed in when loading: the message, and a way to try again', async () => {
      orgApi.me = null;
      const el = await mount();
      expect(alertText(el)).to.equal(`${membersNl.members.loadFailed} ${membersNl.errors.not_signed_in}`);
      orgApi.me = JAN;
      buttonByText(el, TRANSLATIONS.nl.common.retry).click();
      await idle(el);
      expect(root(el).querySelector(`[data-member-id="${PIET.id}"]`)).to.not.equal(null);
      expect(alertText(el)).to.equal('');
    });

    it('a member who is gone already: says so and shows the list as it is now', async () => {
      const el = await mount();
      orgApi.members = orgApi.members.filter((m) => m.id !== PIET.id);
      buttonByText(el, 'Verwijderen', item(el, PIET.id)).click();
      await el.updateComplete;
      buttonByText(el, 'Ja, verwijderen').click();
      await waitUntil(
        () => el.people?.state.busy === undefined && root(el).querySelector(`[data-member-id="${PIET.id}"]`) === null,
        'list not refreshed',
      );
      // The list stayed on screen while it was refreshed, so focus did not fall back to the page.
      expect(focused(el)).to.not.equal(null);
      expect(alertText(el)).to.equal(membersNl.errors.not_found);
    });
  });

  describe('on a page that names no organisation (a CMS page)', () => {
    it('shows the signed-in person’s organisation, and offers a choice when they belong to several', async () => {
      const el = await mount({ organisationId: null });
      expect(root(el).textContent).to.contain(ORGANISATION.name);
      expect(root(el).querySelector(`[data-member-id="${PIET.id}"]`)).to.not.equal(null);
      expect(root(el).querySelector('select')).to.equal(null);

      orgApi.reset();
      const other = {
        id: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
        name: 'Tweede Bedrijf B.V.',
        kvkNumber: '87654321',
        branchNumber: null,
      };
      orgApi.otherMemberships = [{ id: PIET.id, organisation: other, rights: ['administer'] }];
      const several = await mount({ organisationId: null });
      const select = $(several, 'select#wt-organisation-switch') as HTMLSelectElement;
      expect($(several, 'label[for="wt-organisation-switch"]').textContent?.trim()).to.equal('Organisatie');
      expect([...select.options].map((option) => option.textContent?.trim())).to.deep.equal([
        ORGANISATION.name,
        'Tweede Bedrijf B.V.',
      ]);
      expect(select.value).to.equal(ORGANISATION.id, 'the first organisation the person administers');
      await expect(several).to.be.accessible();
      select.value = other.id;
      select.dispatchEvent(new Event('change'));
      await idle(several);
      expect(orgApi.requests).to.include(`GET /organisations/${other.id}`);
      expect(focused(several)?.id).to.equal('wt-organisation-switch');
    });
  });

  describe('for a member without the administer right', () => {
    it('shows their own rights and who to ask, and never asks for the member list', async () => {
      orgApi.me = PIET;
      const el = await mount();
      expect(root(el).textContent).to.contain('Je hebt het recht ‘Beheer (rechten toekennen)’ niet');
      expect([...root(el).querySelectorAll('[part="right"]')].map((li) => li.textContent?.trim())).to.deep.equal([
        'Declaraties indienen',
      ]);
      expect(root(el).querySelector('form')).to.equal(null);
      expect(orgApi.requests.some((r) => r.includes('/members'))).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('languages and texts', () => {
    it('has every Dutch text in English too, none empty', () => {
      for (const [group, texts] of Object.entries(membersNl) as [string, Record<string, string>][]) {
        const english = membersEn[group as keyof typeof membersEn] as Record<string, string>;
        expect(Object.keys(english).sort(), group).to.deep.equal(Object.keys(texts).sort());
        for (const [key, text] of Object.entries(english)) expect(text, `${group}.${key}`).to.not.equal('');
      }
    });

    it('speaks English with lang="en"', async () => {
      const el = await mount({ lang: 'en' });
      expect($(el, '#wt-heading').textContent?.trim()).to.equal('Employees and rights');
      expect(checkboxLabels($(el, 'form[part~="invite-form"]'))).to.deep.equal(Object.values(membersEn.rightLabels));
      expect(buttonByText(el, 'Send invitation').type).to.equal('submit');
    });

    it('takes text overrides, per language too, error messages included', async () => {
      const el = await mount({
        texts: { invite: { action: 'Versturen' }, errors: { already_member: 'Die hoort er al bij.' } },
      });
      expect(buttonByText(el, 'Versturen').type).to.equal('submit');
      await typeInvite(el, PIET.email, []);
      buttonByText(el, 'Versturen').click();
      await idle(el);
      expect($(el, '#wt-invite-email-error').textContent?.trim()).to.equal('Die hoort er al bij.');
      const en = await mount({ lang: 'en', texts: { en: { members: { heading: 'Team' } } } });
      expect($(en, '#wt-heading').textContent?.trim()).to.equal('Team');
    });
  });

  describe('keyboard, theming', () => {
    it('can be used with the keyboard alone: Tab to a control, Enter or Space to use it', async () => {
      const el = await mount();
      $(el, '#wt-heading').focus();
      await tabTo(el, (t) => t.id === `wt-remove-${PIET.id}`, 'Verwijderen van Piet');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)?.id).to.equal(`wt-confirm-remove-${PIET.id}`);
      await sendKeys({ press: 'Enter' });
      await idle(el);
      expect(root(el).querySelector(`[data-member-id="${PIET.id}"]`)).to.equal(null);
      await tabTo(el, (t) => t.id === 'wt-invite-email', 'the invite address');
      await sendKeys({ type: 'anna@bedrijf.nl' });
      await tabTo(el, (t) => t.id === 'wt-invite-right-access_exclusive_content', 'a right');
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await idle(el);
      expect(orgApi.bodies.at(-1)).to.deep.equal({
        email: 'anna@bedrijf.nl',
        rights: ['access_exclusive_content'],
        lang: 'nl',
      });
    });

    it('reads --wt-* tokens and exposes parts', async () => {
      // Set on the page before the element renders: the buttons' colour transition would otherwise still run.
      const page = document.documentElement.style;
      page.setProperty('--wt-button-primary-background-color', 'rgb(1, 2, 3)');
      page.setProperty('--wt-button-danger-color', 'rgb(4, 5, 6)');
      try {
        const el = await mount();
        const primary = $(el, '[part~="button-primary"]');
        const danger = $(el, '[part~="button-danger"]');
        expect(getComputedStyle(primary).backgroundColor).to.equal('rgb(1, 2, 3)');
        expect(getComputedStyle(danger).color).to.equal('rgb(4, 5, 6)');
        for (const part of ['base', 'heading', 'member', 'invitation', 'checkbox', 'fieldset', 'input', 'status']) {
          expect(root(el).querySelector(`[part~="${part}"]`), part).to.not.equal(null);
        }
        expect(primary.getBoundingClientRect().height).to.be.at.least(44);
        expect($(el, 'label.checkbox-label').getBoundingClientRect().height).to.be.at.least(44);
      } finally {
        page.removeProperty('--wt-button-primary-background-color');
        page.removeProperty('--wt-button-danger-color');
      }
    });
  });
});
