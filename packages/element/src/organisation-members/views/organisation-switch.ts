import { html, type TemplateResult } from 'lit';
import type { MembersView } from './view.js';

/** A choice between the signed-in person's organisations, for someone who acts for several companies. */
export function organisationSwitch(view: MembersView, select: (organisationId: string) => void): TemplateResult {
  const { state, t } = view;
  return html`<div part="field" class="field">
    <label part="label" for="wt-organisation-switch">${t.members.switchOrganisation}</label>
    <select
      part="input organisation-select"
      id="wt-organisation-switch"
      @change=${(event: Event) => select((event.target as HTMLSelectElement).value)}
    >
      ${state.memberships.map(
        (membership) =>
          html`<option
            value=${membership.organisation.id}
            ?selected=${membership.organisation.id === state.organisation?.id}
          >
            ${membership.organisation.name}
          </option>`,
      )}
    </select>
  </div>`;
}
