import { html, nothing, type TemplateResult } from 'lit';
import { button } from './buttons.js';
import { rightsFieldset } from './rights.js';
import { checkedRights, type MembersView } from './view.js';

/**
 * The invite form: the colleague's address and the rights to give. The address's errors are tied to its input
 * (`aria-invalid`, `aria-describedby`), as on every form of `<wt-onboarding>`.
 */
export function inviteForm(view: MembersView): TemplateResult {
  const { t, state } = view;
  const errors = state.fieldErrors?.email ?? [];
  const rightsErrors = state.fieldErrors?.rights ?? [];
  const describedBy = ['wt-invite-email-hint', errors.length > 0 ? 'wt-invite-email-error' : '']
    .filter(Boolean)
    .join(' ');
  return html`<section part="section invite" class="section" aria-labelledby="wt-invite-heading">
    <h3 part="subheading" id="wt-invite-heading">${t.invite.heading}</h3>
    <p part="text">${t.invite.intro}</p>
    <form
      part="form invite-form"
      class="form"
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        if (state.busy) return;
        const form = event.currentTarget as HTMLFormElement;
        const email = new FormData(form).get('email');
        view.invite(typeof email === 'string' ? email : '', checkedRights(form));
      }}
    >
      <div part="field" class="field">
        <label part="label" for="wt-invite-email">${t.invite.email}</label>
        <p part="hint" class="hint" id="wt-invite-email-hint">${t.invite.emailHint}</p>
        <input
          part="input"
          id="wt-invite-email"
          name="email"
          type="email"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${errors.length > 0 ? 'true' : 'false'}
          aria-describedby=${describedBy}
        />
        ${
          errors.length > 0
            ? html`<div part="error-message" class="error-message" id="wt-invite-email-error">
                ${errors.map((code) => html`<p>${view.message(code)}</p>`)}
              </div>`
            : nothing
        }
      </div>
      ${rightsFieldset(view, { idPrefix: 'wt-invite-right', legend: t.invite.rights, hint: t.invite.rightsHint, checked: [] })}
      ${
        rightsErrors.length > 0
          ? html`<div part="error-message" class="error-message">
              ${rightsErrors.map((code) => html`<p>${view.message(code)}</p>`)}
            </div>`
          : nothing
      }
      <div part="actions" class="actions">
        ${button(view, { label: t.invite.action, variant: 'primary', type: 'submit' })}
      </div>
    </form>
  </section>`;
}
