import { html, nothing, type TemplateResult } from 'lit';
import type { MembersView } from './view.js';

/** Options of {@link button}. */
export interface ButtonOptions {
  readonly label: string;
  /** Said after the label to screen readers only ("… van Jan Jansen"), so each row's buttons have their own name. */
  readonly context?: string | undefined;
  readonly variant?: 'primary' | 'secondary' | 'danger';
  readonly type?: 'button' | 'submit';
  readonly id?: string | undefined;
  readonly onClick?: (() => void) | undefined;
}

/**
 * A button that stays focusable while a request runs but does nothing then (`aria-disabled`), so focus is never
 * lost and nothing is sent twice.
 */
export function button(view: MembersView, options: ButtonOptions): TemplateResult {
  const variant = options.variant ?? 'secondary';
  const parts = variant === 'danger' ? 'button button-secondary button-danger' : `button button-${variant}`;
  const classes = variant === 'danger' ? 'button button-secondary button-danger' : `button button-${variant}`;
  return html`<button
    part=${parts}
    class=${classes}
    type=${options.type ?? 'button'}
    id=${options.id ?? nothing}
    aria-disabled=${view.state.busy ? 'true' : 'false'}
    @click=${(event: Event) => {
      if (view.state.busy) {
        event.preventDefault();
        return;
      }
      options.onClick?.();
    }}
  >
    ${options.label}${options.context ? html`<span class="visually-hidden"> ${options.context}</span>` : nothing}
  </button>`;
}
