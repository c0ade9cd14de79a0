import { html, nothing, type TemplateResult } from 'lit';
import { RIGHTS, type Right } from '@wij-techniek/onboarding-sdk';
import type { MembersView } from './view.js';

/** Options of {@link rightsFieldset}. */
export interface RightsFieldsetOptions {
  /** Prefix of the checkboxes' ids, unique in the element. */
  readonly idPrefix: string;
  readonly legend: string;
  readonly hint?: string | undefined;
  readonly checked: readonly Right[];
}

/**
 * The four rights as checkboxes in a fieldset whose legend names whose rights they are. Each checkbox sits in
 * its label, so the whole row (at least 44px high) toggles it.
 */
export function rightsFieldset(view: MembersView, options: RightsFieldsetOptions): TemplateResult {
  const hintId = `${options.idPrefix}-hint`;
  return html`<fieldset part="fieldset" class="fieldset" aria-describedby=${options.hint ? hintId : nothing}>
    <legend part="legend" class="legend">${options.legend}</legend>
    ${options.hint ? html`<p part="hint" class="hint" id=${hintId}>${options.hint}</p>` : nothing}
    ${RIGHTS.map(
      (right) =>
        html`<label part="checkbox-label" class="checkbox-label" for="${options.idPrefix}-${right}">
          <input
            part="checkbox"
            class="checkbox"
            type="checkbox"
            id="${options.idPrefix}-${right}"
            name="right"
            value=${right}
            .checked=${options.checked.includes(right)}
          />
          <span>${view.t.rightLabels[right]}</span>
        </label>`,
    )}
  </fieldset>`;
}

/** The rights a member or invitation has, as a list (or "no rights yet"). */
export function rightsList(view: MembersView, rights: readonly Right[], label: string): TemplateResult {
  if (rights.length === 0) return html`<p part="rights-none" class="hint">${view.t.members.noRights}</p>`;
  return html`<ul part="rights-list" class="rights-list" aria-label=${label}>
    ${rights.map((right) => html`<li part="right">${view.t.rightLabels[right]}</li>`)}
  </ul>`;
}
