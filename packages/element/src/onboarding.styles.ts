import { css } from 'lit';

/**
 * The element's styles. Every value a designer may change is a `--wt-*` token read with its default, named by
 * the NL Design System grammar `--wt-{component}-{element?}-{variant?}-{state?}-{property}`, so the element is
 * complete without a theme; `--_wt-*` are internals, not an API. Logical properties only; 44px targets;
 * a forced-colors block; no fixed widths, so 200% zoom and a 320px viewport reflow.
 */
export default css`
  :host {
    --_wt-focus-outline: var(--wt-focus-outline-width, 3px) solid var(--wt-focus-outline-color, #1a1a1a);
    --_wt-input-border: var(--wt-text-input-border-width, 2px) solid var(--wt-text-input-border-color, #4a4a4a);
    display: block;
    box-sizing: border-box;
    max-inline-size: var(--wt-onboarding-max-inline-size, 40rem);
    color: var(--wt-onboarding-color, #1a1a1a);
    background-color: var(--wt-onboarding-background-color, #ffffff);
    font-family: var(--wt-onboarding-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--wt-onboarding-font-size, 1rem);
    line-height: var(--wt-onboarding-line-height, 1.5);
    text-align: start;
    overflow-wrap: break-word;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .base {
    display: flex;
    flex-direction: column;
    gap: var(--wt-onboarding-row-gap, 1rem);
    padding-block: var(--wt-onboarding-padding-block, 1.5rem);
    padding-inline: var(--wt-onboarding-padding-inline, 1rem);
    border: var(--wt-onboarding-border-width, 0) solid var(--wt-onboarding-border-color, transparent);
    border-radius: var(--wt-onboarding-border-radius, 0);
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
    margin: 0;
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
    font-size: var(--wt-heading-3-font-size, 1.125em);
    font-weight: var(--wt-heading-3-font-weight, 700);
  }

  .heading:focus {
    outline: none;
  }

  .heading:focus-visible {
    outline: var(--_wt-focus-outline);
    outline-offset: var(--wt-focus-outline-offset, 2px);
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

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
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
    border: var(--_wt-input-border);
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
    gap: 0.75rem;
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
    border: var(--wt-button-border-width, 2px) solid var(--_wt-button-border-color);
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
    --_wt-button-background-color: var(--wt-button-primary-hover-background-color, #06345c);
  }

  .button-secondary {
    --_wt-button-color: var(--wt-button-secondary-color, #0b4f8a);
    --_wt-button-background-color: var(--wt-button-secondary-background-color, #ffffff);
    --_wt-button-border-color: var(--wt-button-secondary-border-color, currentColor);
  }

  .button-secondary:hover {
    --_wt-button-background-color: var(--wt-button-secondary-hover-background-color, #e8f0f7);
  }

  .button[aria-disabled='true'] {
    opacity: var(--wt-button-disabled-opacity, 0.6);
    cursor: not-allowed;
  }

  :host(:state(busy)) .button[type='submit'] {
    cursor: progress;
  }

  :focus-visible {
    outline: var(--_wt-focus-outline);
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
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 6px solid var(--wt-status-error-border-color, #b30000);
    color: var(--wt-status-error-color, inherit);
    background-color: var(--wt-status-error-background-color, #fdf1f1);
  }

  .session-notice {
    display: grid;
    row-gap: 0.5rem;
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 6px solid var(--wt-session-notice-border-color, #0b4f8a);
    color: var(--wt-session-notice-color, inherit);
    background-color: var(--wt-session-notice-background-color, #e8f0f7);
  }

  .session-notice p {
    margin: 0;
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

    input[aria-invalid='true'],
    select[aria-invalid='true'],
    .status-error {
      border-color: Mark;
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
