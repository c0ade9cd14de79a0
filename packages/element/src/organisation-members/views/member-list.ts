import { html, nothing, type TemplateResult } from 'lit';
import type { Member } from '@wij-techniek/onboarding-sdk';
import { format } from '../../i18n/translation.js';
import { button } from './buttons.js';
import { rightsFieldset, rightsList } from './rights.js';
import { checkedRights, type MembersView } from './view.js';

/** A member's full name. */
export function memberName(member: Member): string {
  return `${member.firstName} ${member.lastName}`.trim() || member.email;
}

/** The members: name, address and rights, each with "change rights" and "remove" (after a confirmation). */
export function memberList(view: MembersView): TemplateResult {
  const { t, state } = view;
  return html`<section part="section members" class="section" aria-labelledby="wt-members-heading">
    <h3 part="subheading" id="wt-members-heading" tabindex="-1">
      ${t.members.listHeading} <span class="count">(${state.members.length})</span>
    </h3>
    <ul part="member-list" class="list">
      ${state.members.map((member) => memberItem(view, member))}
    </ul>
  </section>`;
}

function memberItem(view: MembersView, member: Member): TemplateResult {
  const { t, state } = view;
  const name = memberName(member);
  const self = member.accountId === state.accountId;
  const editing = view.editing === member.id;
  const confirming = view.confirming === member.id;
  return html`<li part="member" class="item" data-member-id=${member.id}>
    <p part="member-name" class="item-title">
      ${name} ${self ? html`<span class="hint">${t.members.you}</span>` : nothing}
    </p>
    <p part="member-email" class="item-detail">
      <span class="visually-hidden">${t.members.email}: </span>${member.email}
    </p>
    ${
      editing
        ? rightsForm(view, member, name)
        : html`${rightsList(view, member.rights, format(t.members.editRightsOf, { name }))}
          ${
            confirming
              ? removeConfirmation(view, member, name, self)
              : html`<div part="actions" class="actions">
                  ${button(view, {
                    label: t.members.edit,
                    context: format(t.members.editContext, { name }),
                    id: `wt-edit-${member.id}`,
                    onClick: () => view.startEdit(member.id),
                  })}
                  ${button(view, {
                    label: t.members.remove,
                    context: format(t.members.removeContext, { name }),
                    variant: 'danger',
                    id: `wt-remove-${member.id}`,
                    onClick: () => view.askRemove(member.id),
                  })}
                </div>`
          }`
    }
  </li>`;
}

function rightsForm(view: MembersView, member: Member, name: string): TemplateResult {
  const { t } = view;
  return html`<form
    part="form rights-form"
    class="form"
    novalidate
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      if (!view.state.busy) view.saveRights(member.id, checkedRights(event.currentTarget as HTMLFormElement));
    }}
  >
    ${rightsFieldset(view, {
      idPrefix: `wt-rights-${member.id}`,
      legend: format(t.members.editRightsOf, { name }),
      checked: member.rights,
    })}
    <div part="actions" class="actions">
      ${button(view, { label: t.members.save, variant: 'primary', type: 'submit' })}
      ${button(view, { label: t.members.cancel, onClick: () => view.cancelEdit() })}
    </div>
  </form>`;
}

function removeConfirmation(view: MembersView, member: Member, name: string, self: boolean): TemplateResult {
  const { t } = view;
  const questionId = `wt-confirm-${member.id}`;
  const organisation = view.state.organisation?.name ?? '';
  const question = self
    ? format(t.members.confirmRemoveSelf, { organisation })
    : format(t.members.confirmRemove, { name, email: member.email, organisation });
  return html`<div part="confirmation" class="confirmation" role="group" aria-labelledby=${questionId}>
    <p id=${questionId}>${question}</p>
    <div part="actions" class="actions">
      ${button(view, {
        label: t.members.confirm,
        variant: 'danger',
        id: `wt-confirm-remove-${member.id}`,
        onClick: () => view.remove(member.id),
      })}
      ${button(view, { label: t.members.cancel, onClick: () => view.cancelRemove() })}
    </div>
  </div>`;
}
