import { css } from 'lit';

/**
 * What `<wt-organisation-members>` adds to `<wt-onboarding>`'s styles (which it uses as they are, so both read
 * the same `--wt-*` tokens): lists of people, the rights checkboxes, the removal confirmation and a danger
 * button. Logical properties, 44px targets, a forced-colors block. The card's width is set on the host and on
 * `.base` both, as `<wt-onboarding>`'s is; the focus ring of the headings is the shared `:focus-visible` rule.
 */
export default css`
  :host,
  .base {
    max-inline-size: var(--wt-organisation-members-max-inline-size, 48rem);
  }

  .section {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }

  .count {
    font-weight: 400;
  }

  .list {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border: var(--wt-member-border-width, 1px) solid var(--wt-member-border-color, #8a8a8a);
    border-radius: var(--wt-member-border-radius, 4px);
    background-color: var(--wt-member-background-color, transparent);
  }

  .item-title {
    font-weight: 700;
  }

  .rights-list {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .fieldset {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: var(--wt-fieldset-border-width, 1px) solid var(--wt-fieldset-border-color, #8a8a8a);
    border-radius: var(--wt-text-input-border-radius, 4px);
  }

  .legend {
    padding-inline: 0.25rem;
    font-weight: var(--wt-form-field-label-font-weight, 700);
  }

  .checkbox-label {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    min-block-size: 44px;
    font-weight: 400;
    cursor: pointer;
  }

  .checkbox {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    min-block-size: 0;
    margin: 0;
    padding: 0;
    accent-color: var(--wt-checkbox-checked-background-color, #0b4f8a);
  }

  .confirmation {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding-block: 0.75rem;
    padding-inline: 1rem;
    border-inline-start: 6px solid var(--wt-confirmation-border-color, #b30000);
    background-color: var(--wt-confirmation-background-color, #fdf1f1);
  }

  .button-danger,
  .button-danger:hover {
    --_wt-button-color: var(--wt-button-danger-color, #b30000);
    --_wt-button-border-color: var(--wt-button-danger-border-color, currentColor);
  }

  .button-danger:hover {
    --_wt-button-background-color: var(--wt-button-danger-hover-background-color, #fdf1f1);
  }

  @media (forced-colors: active) {
    /* CanvasText, not Mark: Mark is yellow in light themes, invisible on white (as in <wt-onboarding>'s styles). */
    .item,
    .fieldset,
    .confirmation {
      border-color: CanvasText;
    }
  }
`;
