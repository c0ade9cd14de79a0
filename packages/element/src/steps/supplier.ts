import { html, nothing } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, signOutButton, submit, text } from './parts.js';
import { forField, messageFor, onSubmit, type StepContent, type StepView } from './view.js';

/**
 * The `sessionStorage` key of the supplier chosen last, next to the SDK's step key: when eHerkenning sends the
 * person back (cancelled, level too low) the list shows it chosen again. A supplier id only, nothing secret.
 */
export const SUPPLIER_STORAGE_KEY = 'wt-onboarding-supplier';

/** Reads, writes (`id`) or forgets (`null`) the remembered supplier; without storage nothing is remembered. */
export function rememberedSupplier(id?: string | null): string | null {
  try {
    if (id) sessionStorage.setItem(SUPPLIER_STORAGE_KEY, id);
    else if (id === null) sessionStorage.removeItem(SUPPLIER_STORAGE_KEY);
    return sessionStorage.getItem(SUPPLIER_STORAGE_KEY);
  } catch {
    // Storage blocked (a sandboxed frame, a strict browser setting): the list starts at "Kies je leverancier".
    return null;
  }
}

/**
 * `supplier`: the eHerkenning supplier, from a drop-down in the broker's order, with the one chosen last in this tab
 * preselected while the list still has it; then off to eHerkenning.
 */
export function renderSupplier(view: StepView, state: StateOf<'supplier'>): StepContent {
  const { t } = view;
  const errors = state.fieldErrors?.supplierId ?? [];
  const chosen = rememberedSupplier();
  return {
    heading: t.supplier.heading,
    body: html`${text(t.supplier.intro)}
      <form
        part="form"
        novalidate
        aria-busy=${String(state.busy)}
        @submit=${onSubmit(view, (value) => {
          rememberedSupplier(value('supplierId'));
          return state.actions.choose(value('supplierId'));
        })}
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
            ${state.suppliers.map(
              ({ id, name }) => html`<option value=${id} ?selected=${id === chosen}>${name}</option>`,
            )}
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
