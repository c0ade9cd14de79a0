import { html, type TemplateResult } from 'lit';
import { field } from './parts.js';
import { forField, type StepView } from './view.js';

/** First and last name with the `given-name`/`family-name` tokens, on the details and invitation steps. */
export function nameFields(view: StepView): TemplateResult {
  const { t } = view;
  return html`${field(forField(view, 'firstName'), {
    name: 'firstName',
    label: t.details.firstName,
    autocomplete: 'given-name',
  })}
  ${field(forField(view, 'lastName'), { name: 'lastName', label: t.details.lastName, autocomplete: 'family-name' })}`;
}
