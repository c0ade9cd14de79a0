import { html, nothing, type TemplateResult } from 'lit';
import {
  passwordRules,
  violationsOfRule,
  type FieldName,
  type PasswordPolicy,
  type PasswordVerdict,
} from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { messageFor, type StepView } from './view.js';

/** How one text field looks and behaves. */
export interface FieldOptions {
  readonly name: FieldName;
  readonly label: string;
  readonly autocomplete: string;
  readonly type?: 'text' | 'email' | 'password';
  readonly inputmode?: 'numeric' | 'email' | 'text';
  readonly hint?: string;
  readonly value?: string;
  /** Apple's password-rules syntax, so managers generate passwords the policy accepts. */
  readonly passwordrules?: string;
  /** Part names besides `input` (`code-input`). */
  readonly part?: string;
  /** More ids that describe the input (the password checklist). */
  readonly describedBy?: string;
  readonly onInput?: (event: InputEvent) => void;
}

/**
 * A labelled input with its hint and its errors, tied together the way NL Design System's form fields do:
 * `aria-describedby` lists the hint, the extra descriptions and the error message; `aria-invalid` marks it.
 * An invalid field and its input also carry the parts `field-invalid` and `input-invalid`: `aria-invalid` cannot
 * be matched after `::part()`, so a theme that restyles `::part(input)` restores the error marker through these.
 */
export function field(view: StepView, options: FieldOptions): TemplateResult {
  const errors = view.state.fieldErrors?.[options.name] ?? [];
  const invalid = errors.length > 0;
  const id = `wt-${options.name}`;
  const describedBy = [options.hint && `${id}-hint`, options.describedBy, invalid && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return html`<div part="field ${invalid ? 'field-invalid' : ''}" class="field">
    <label part="label" for=${id}>${options.label}</label>
    ${options.hint ? html`<p part="hint" class="hint" id="${id}-hint">${options.hint}</p>` : nothing}
    <input
      part="input ${options.part ?? ''} ${invalid ? 'input-invalid' : ''}"
      id=${id}
      name=${options.name}
      type=${options.type ?? 'text'}
      autocomplete=${options.autocomplete}
      inputmode=${options.inputmode ?? nothing}
      passwordrules=${options.passwordrules ?? nothing}
      spellcheck="false"
      required
      aria-invalid=${String(invalid)}
      aria-describedby=${describedBy || nothing}
      .value=${options.value ?? ''}
      @input=${options.onInput}
    />
    ${
      invalid
        ? html`<div part="error-message" class="error-message" id="${id}-error">
            ${errors.map((code) => html`<p>${messageFor(view, code)}</p>`)}
          </div>`
        : nothing
    }
  </div>`;
}

/**
 * The part names of a button that may wait: `button-disabled` while `aria-disabled`, which a theme cannot match
 * after `::part()`.
 */
const buttonParts = (variant: string, disabled: boolean) => `button ${variant}${disabled ? ' button-disabled' : ''}`;

/** The submit button of a form; while busy it stays focusable but does nothing (no double submit). */
export function submit(view: StepView, label: string): TemplateResult {
  return html`<button
    part=${buttonParts('button-primary', view.state.busy)}
    class="button button-primary"
    type="submit"
    aria-disabled=${String(view.state.busy)}
  >
    ${label}
  </button>`;
}

/**
 * A secondary button that runs an action of the current state (given the click, to read its form); `disabledBy`
 * names what explains why it waits.
 */
export function secondary(
  view: StepView,
  label: string,
  run: (event: Event) => Promise<void> | void,
  disabled = false,
  disabledBy?: string,
) {
  return html`<button
    part=${buttonParts('button-secondary', view.state.busy || disabled)}
    class="button button-secondary"
    type="button"
    aria-disabled=${String(view.state.busy || disabled)}
    aria-describedby=${disabled ? (disabledBy ?? nothing) : nothing}
    @click=${(event: Event) => disabled || view.act(() => run(event))}
  >
    ${label}
  </button>`;
}

/**
 * "Uitloggen" on the signed-in steps: a button that looks like a link (part `sign-out`, not `button-secondary`), so
 * it is there for whoever shares the computer without competing with the step's main action.
 */
export function signOutButton(view: StepView, signOut: () => Promise<void>): TemplateResult {
  return html`<p part="text">
    <button
      part="button sign-out"
      class="sign-out"
      type="button"
      aria-disabled=${String(view.state.busy)}
      @click=${() => view.act(signOut)}
    >
      ${view.t.common.signOut}
    </button>
  </p>`;
}

/**
 * The SDK's `state.notice` (signed out, password changed) in a polite live region that stays in place from step to
 * step (the same spot of every step's template), so its text is announced when the step it belongs to appears.
 */
export function noticeRegion(view: StepView): TemplateResult {
  const { notice } = view.state;
  return html`<div part="status" class=${notice ? 'status' : 'status visually-hidden'} role="status">
    ${notice ? view.t.notices[notice] : nothing}
  </div>`;
}

/** A row of buttons. */
export function actions(...buttons: TemplateResult[]): TemplateResult {
  return html`<div part="actions" class="actions">${buttons}</div>`;
}

/** A paragraph of the step's text. */
export function text(content: string): TemplateResult {
  return html`<p part="text">${content}</p>`;
}

/**
 * A link that stands alone in a paragraph of its own ("Terug naar de website van Wij Techniek"): a 44px target like
 * the buttons. A link inside a sentence stays inline, as WCAG 2.5.8 allows.
 */
export function standaloneLink(href: string, label: string): TemplateResult {
  return html`<p part="text"><a part="link" class="link-standalone" href=${href}>${label}</a></p>`;
}

/** The show/hide toggle for the password fields of a form; `password-toggle-pressed` while it shows them. */
export function passwordToggle(view: StepView, controls: string): TemplateResult {
  return html`<button
    part="button button-secondary password-toggle${view.passwordVisible ? ' password-toggle-pressed' : ''}"
    class="button button-secondary password-toggle"
    type="button"
    aria-pressed=${String(view.passwordVisible)}
    aria-controls=${controls}
    @click=${() => view.togglePasswordVisible()}
  >
    ${view.passwordVisible ? view.t.common.hidePassword : view.t.common.showPassword}
  </button>`;
}

/**
 * The live checklist of the policy's rules, ticked off from the verdict the server will give (minus the
 * blocklist, which only the server checks). Not a live region: it would talk on every keystroke; the password
 * input points at it with `aria-describedby`.
 */
export function checklist(view: StepView, policy: PasswordPolicy, verdict: PasswordVerdict): TemplateResult {
  const { rules } = view.t;
  return html`<div part="checklist" class="checklist">
    <p part="checklist-heading" id="wt-rules-heading" class="checklist-heading">${rules.heading}</p>
    <ul id="wt-rules" aria-labelledby="wt-rules-heading">
      ${passwordRules(policy).map((rule) => {
        const met = verdict.length > 0 && !violationsOfRule(rule).some((v) => verdict.violations.includes(v));
        return html`<li part="checklist-item ${met ? 'checklist-item-met' : ''}" class=${met ? 'met' : 'unmet'}>
          ${format(rules[rule], { min: policy.minLength, max: policy.maxLength })}
          <span class="visually-hidden">(${met ? rules.met : rules.unmet})</span>
        </li>`;
      })}
    </ul>
  </div>`;
}
