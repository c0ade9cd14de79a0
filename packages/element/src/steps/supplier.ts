import { html, nothing } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, signOutButton, submit, text } from './parts.js';
import { forField, messageFor, onSubmit, type StepContent, type StepView } from './view.js';

/** `supplier`: the eHerkenning supplier, from a drop-down in the broker's order; then off to eHerkenning. */
export function renderSupplier(view: StepView, state: StateOf<'supplier'>): StepContent {
  const { t } = view;
  const errors = state.fieldErrors?.supplierId ?? [];
  return {
    heading: t.supplier.heading,
    body: html`${text(t.supplier.intro)}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) => state.actions.choose(value('supplierId')))}
      >
        <div part="field ${errors.length > 0 ? 'field-invalid' : ''}" class="field">
          <label part="label" for="wt-supplierId">${t.supplier.supplier}</label>
          <select
            part="input supplier-select ${errors.length > 0 ? 'input-invalid' : ''}"
            id="wt-supplierId"
            name="supplierId"
            autocomplete="off"
            required
            aria-invalid=${String(errors.length > 0)}
            aria-describedby=${errors.length > 0 ? 'wt-supplierId-error' : nothing}
          >
            <option value="">${t.supplier.choose}</option>
            ${state.suppliers.map((supplier) => html`<option value=${supplier.id}>${supplier.name}</option>`)}
          </select>
          ${
            errors.length > 0
              ? html`<div part="error-message" class="error-message" id="wt-supplierId-error">
                  ${errors.map((code) => html`<p>${messageFor(forField(view, 'supplierId'), code)}</p>`)}
                </div>`
              : nothing
          }
        </div>
        ${actions(submit(view, t.supplier.action))}
      </form>
      ${signOutButton(view, () => state.actions.signOut())}`,
  };
}
