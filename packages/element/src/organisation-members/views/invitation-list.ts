import { html, type TemplateResult } from 'lit';
import type { Invitation } from '@wij-techniek/onboarding-sdk';
import { format } from '../../i18n/translation.js';
import { button } from './buttons.js';
import { rightsList } from './rights.js';
import type { MembersView } from './view.js';

/** The invitations not yet accepted, each with when its link stops working and "withdraw". */
export function invitationList(view: MembersView): TemplateResult {
  const { t, state } = view;
  return html`<section part="section invitations" class="section" aria-labelledby="wt-invitations-heading">
    <h3 part="subheading" id="wt-invitations-heading" tabindex="-1">
      ${t.invitations.heading} <span class="count">(${state.invitations.length})</span>
    </h3>
    ${
      state.invitations.length === 0
        ? html`<p part="text">${t.invitations.none}</p>`
        : html`<ul part="invitation-list" class="list">
            ${state.invitations.map((invitation) => invitationItem(view, invitation))}
          </ul>`
    }
  </section>`;
}

function invitationItem(view: MembersView, invitation: Invitation): TemplateResult {
  const { t } = view;
  const expired = view.expired(invitation.expiresAt);
  const when = format(expired ? t.invitations.expired : t.invitations.expires, {
    date: view.date(invitation.expiresAt),
  });
  return html`<li
    part="invitation ${expired ? 'invitation-expired' : ''}"
    class="item"
    data-invitation-id=${invitation.id}
  >
    <p part="invitation-email" class="item-title">${invitation.email}</p>
    ${rightsList(view, invitation.rights, `${t.members.rights}: ${invitation.email}`)}
    <p part="hint" class="hint">${when}</p>
    <div part="actions" class="actions">
      ${button(view, {
        label: t.invitations.withdraw,
        context: format(t.invitations.withdrawContext, { email: invitation.email }),
        variant: 'danger',
        id: `wt-withdraw-${invitation.id}`,
        onClick: () => view.withdraw(invitation.id),
      })}
    </div>
  </li>`;
}
