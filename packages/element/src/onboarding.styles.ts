import { css } from 'lit';

/**
 * The button colour tokens whose default is a fixed colour, registered as `<color>` so that a value that is not a
 * colour (a typo) falls back to the default instead of making the property invalid: an unregistered
 * `--wt-button-primary-background-color: garbage` leaves the button transparent, white text on a white card.
 * Registration is global and first come, first served: a second copy of the element (the CDN file loaded twice)
 * or a page that registered a name itself keeps the first registration, and without the CSS Properties and Values
 * API (or outside a browser) the CSS fallbacks apply as before. The values repeat the CSS defaults below; a test
 * compares them with the manifest.
 */
const COLOR_TOKENS: Readonly<Record<string, string>> = {
  'button-primary-background-color': '#0b4f8a',
  'button-primary-color': '#ffffff',
  'button-primary-hover-background-color': '#06345c',
  'button-secondary-background-color': '#ffffff',
  'button-secondary-color': '#0b4f8a',
  'button-secondary-hover-background-color': '#e8f0f7',
};

for (const [name, initialValue] of Object.entries(COLOR_TOKENS)) {
  try {
    CSS.registerProperty({ name: `--wt-${name}`, syntax: '<color>', inherits: true, initialValue });
  } catch {
    // Already registered, or no registerProperty: the `var()` fallbacks below still give the default.
  }
}

/**
 * The element's styles. Every value a designer may change is a `--wt-*` token read with its default, named by
 * the NL Design System grammar `--wt-{component}-{element?}-{variant?}-{state?}-{property}`, so the element is
 * complete without a theme; `--_wt-*` are internals, not an API. Logical properties only; 44px targets;
 * a forced-colors block; no fixed widths, so 200% zoom and a 320px viewport reflow.
 *
 * The page's rules win over `:host` for the host box itself, so `:host` holds only what places the box; the card
 * (its typography, colours and box) is `.base`, which starts from initial values so no inherited page property
 * (letter-spacing, text-transform, a `*` rule's colour…) reaches inside. Borders and outlines are longhands with
 * a fixed style, so a token that is not a valid width or colour falls back to the property's initial value
 * instead of removing the border or the focus ring. (The two `prettier-ignore` declarations stay on one line
 * because the theming test finds each token's documented default as `var(--token, default` in this text.)
 */
export default css`
  :host {
    display: block;
    max-inline-size: var(--wt-onboarding-max-inline-size, 40rem);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }

  .base {
    all: initial;
    visibility: inherit;
    pointer-events: inherit;
    display: flex;
    flex-direction: column;
    gap: var(--wt-onboarding-row-gap, 1rem);
    box-sizing: border-box;
    max-inline-size: var(--wt-onboarding-max-inline-size, 40rem);
    padding-block: var(--wt-onboarding-padding-block, 1.5rem);
    padding-inline: var(--wt-onboarding-padding-inline, 1rem);
    border-style: solid;
    border-width: var(--wt-onboarding-border-width, 0);
    border-color: var(--wt-onboarding-border-color, transparent);
    border-radius: var(--wt-onboarding-border-radius, 0);
    color: var(--wt-onboarding-color, #1a1a1a);
    background-color: var(--wt-onboarding-background-color, #ffffff);
    color-scheme: var(--wt-onboarding-color-scheme, light);
    font-family: var(--wt-onboarding-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--wt-onboarding-font-size, 1rem);
    line-height: var(--wt-onboarding-line-height, 1.5);
    overflow-wrap: break-word;
  }

  .step,
  form {
    display: flex;
    flex-direction: column;
    gap: var(--wt-onboarding-row-gap, 1rem);
  }

  p,
  ul {
    margin: 0;
  }

  .progress {
    margin-block-end: calc(max(2px, var(--wt-focus-outline-width, 3px)) + var(--wt-focus-outline-offset, 2px));
    color: var(--wt-progress-color, #4a4a4a);
    font-size: var(--wt-progress-font-size, 0.875em);
  }

  .heading {
    margin: 0;
    color: var(--wt-heading-2-color, inherit);
    font-family: var(--wt-heading-2-font-family, inherit);
    font-size: var(--wt-heading-2-font-size, 1.5em);
    font-weight: var(--wt-heading-2-font-weight, 700);
    line-height: var(--wt-heading-2-line-height, 1.25);
  }

  h3 {
    margin: 0;
    margin-block-start: 0.5em;
    color: var(--wt-heading-3-color, inherit);
    font-family: var(--wt-heading-3-font-family, inherit);
    font-size: var(--wt-heading-3-font-size, 1.125em);
    font-weight: var(--wt-heading-3-font-weight, 700);
    line-height: var(--wt-heading-3-line-height, inherit);
  }

  a {
    color: var(--wt-link-color, #0b4f8a);
    text-decoration-thickness: 0.08em;
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--wt-link-hover-color, #06345c);
    text-decoration-thickness: 0.15em;
  }

  .link-standalone {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--wt-form-field-row-gap, 0.25rem);
  }

  label {
    color: var(--wt-form-field-label-color, inherit);
    font-weight: var(--wt-form-field-label-font-weight, 700);
  }

  .hint {
    color: var(--wt-form-field-hint-color, #4a4a4a);
  }

  input,
  select {
    inline-size: 100%;
    max-inline-size: var(--wt-text-input-max-inline-size, 100%);
    min-block-size: var(--wt-text-input-min-block-size, 44px);
    padding-block: var(--wt-text-input-padding-block, 0.5rem);
    padding-inline: var(--wt-text-input-padding-inline, 0.75rem);
    border-style: solid;
    border-width: var(--wt-text-input-border-width, 2px);
    border-color: var(--wt-text-input-border-color, #4a4a4a);
    border-radius: var(--wt-text-input-border-radius, 4px);
    color: var(--wt-text-input-color, inherit);
    background-color: var(--wt-text-input-background-color, #ffffff);
    font: inherit;
  }

  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border-color: var(--wt-text-input-invalid-border-color, #b30000);
    border-inline-start-width: 6px;
  }

  .field:has([aria-invalid='true']) {
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid;
    border-inline-start-color: var(--wt-text-input-invalid-border-color, #b30000);
  }

  input[part~='code-input'] {
    max-inline-size: var(--wt-code-input-max-inline-size, 12em);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.1em;
  }

  .error-message {
    color: var(--wt-form-field-error-message-color, #b30000);
    font-weight: var(--wt-form-field-error-message-font-weight, 700);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--wt-actions-gap, 0.75rem);
    align-items: center;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--wt-button-min-block-size, 44px);
    min-inline-size: var(--wt-button-min-inline-size, 44px);
    max-inline-size: 100%;
    padding-block: var(--wt-button-padding-block, 0.5rem);
    padding-inline: var(--wt-button-padding-inline, 1.25rem);
    border-style: solid;
    border-width: var(--wt-button-border-width, 2px);
    border-color: var(--_wt-button-border-color);
    border-radius: var(--wt-button-border-radius, 4px);
    color: var(--_wt-button-color);
    background-color: var(--_wt-button-background-color);
    font: inherit;
    font-weight: var(--wt-button-font-weight, 700);
    text-align: center;
    cursor: pointer;
  }

  .button-primary {
    --_wt-button-color: var(--wt-button-primary-color, #ffffff);
    --_wt-button-background-color: var(--wt-button-primary-background-color, #0b4f8a);
    --_wt-button-border-color: var(--wt-button-primary-border-color, transparent);
  }

  .button-primary:hover {
    --_wt-button-color: var(--wt-button-primary-hover-color, var(--wt-button-primary-color, #ffffff));
    --_wt-button-background-color: var(--wt-button-primary-hover-background-color, #06345c);
    /* prettier-ignore */
    --_wt-button-border-color: var(--wt-button-primary-hover-border-color, var(--wt-button-primary-border-color, transparent));
  }

  .button-secondary {
    --_wt-button-color: var(--wt-button-secondary-color, #0b4f8a);
    --_wt-button-background-color: var(--wt-button-secondary-background-color, #ffffff);
    --_wt-button-border-color: var(--wt-button-secondary-border-color, currentColor);
  }

  .button-secondary:hover {
    --_wt-button-color: var(--wt-button-secondary-hover-color, var(--wt-button-secondary-color, #0b4f8a));
    --_wt-button-background-color: var(--wt-button-secondary-hover-background-color, #e8f0f7);
    /* prettier-ignore */
    --_wt-button-border-color: var(--wt-button-secondary-hover-border-color, var(--wt-button-secondary-border-color, currentColor));
  }

  .button[aria-disabled='true'] {
    opacity: var(--wt-button-disabled-opacity, 0.6);
    cursor: not-allowed;
  }

  :host(:state(busy)) .button[type='submit'] {
    cursor: progress;
  }

  :focus-visible {
    outline-style: solid;
    outline-width: max(2px, var(--wt-focus-outline-width, 3px));
    outline-color: var(--wt-focus-outline-color, #1a1a1a);
    outline-offset: var(--wt-focus-outline-offset, 2px);
  }

  .checklist ul {
    padding-inline-start: 0;
    list-style: none;
  }

  .checklist li::before {
    display: inline-block;
    inline-size: 1.5em;
    content: '○';
    color: var(--wt-checklist-unmet-color, #4a4a4a);
  }

  .checklist li.met::before {
    content: '✓';
    color: var(--wt-checklist-met-color, #00703c);
    font-weight: 700;
  }

  .status:empty {
    display: none;
  }

  .status-error {
    padding-block: var(--wt-status-error-padding-block, 0.75rem);
    padding-inline: var(--wt-status-error-padding-inline, 1rem);
    border-inline-start: 6px solid;
    border-inline-start-color: var(--wt-status-error-border-color, #b30000);
    border-radius: var(--wt-status-error-border-radius, 0);
    color: var(--wt-status-error-color, inherit);
    background-color: var(--wt-status-error-background-color, #fdf1f1);
  }

  .session-notice {
    display: grid;
    row-gap: 0.5rem;
    padding-block: var(--wt-session-notice-padding-block, 0.75rem);
    padding-inline: var(--wt-session-notice-padding-inline, 1rem);
    border-inline-start: 6px solid;
    border-inline-start-color: var(--wt-session-notice-border-color, #0b4f8a);
    border-radius: var(--wt-session-notice-border-radius, 0);
    color: var(--wt-session-notice-color, inherit);
    background-color: var(--wt-session-notice-background-color, #e8f0f7);
  }

  .session-notice p {
    margin: 0;
  }

  /* "Uitloggen": a button that reads as a link, so it does not compete with the step's main action; 44px target. */
  .sign-out {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding: 0;
    border: 0;
    color: var(--wt-link-color, #0b4f8a);
    background: none;
    font: inherit;
    text-decoration: underline;
    text-decoration-thickness: 0.08em;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .sign-out:hover {
    color: var(--wt-link-hover-color, #06345c);
    text-decoration-thickness: 0.15em;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
      color: ButtonText;
      background-color: ButtonFace;
    }

    .button[aria-disabled='true'] {
      border-color: GrayText;
      color: GrayText;
    }

    /*
     * CanvasText, not Mark: Mark is yellow in the light themes, 1.07:1 on white, so an invalid field's border
     * vanished exactly when it mattered. CanvasText contrasts with Canvas in every theme, light or dark; what tells
     * an invalid field from a valid one is the 6px start border and the field's bar (shape, not colour).
     */
    input[aria-invalid='true'],
    select[aria-invalid='true'],
    .status-error,
    .field {
      border-color: CanvasText;
    }

    .session-notice {
      border-color: Highlight;
    }

    .checklist li.met::before {
      color: CanvasText;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 0.15s ease-in-out;
    }
  }
`;
