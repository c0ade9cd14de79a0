import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, text } from './parts.js';
import type { StepContent, StepView } from './view.js';

/** `start`: what a personal account gives, and that eHerkenning level 3 is needed (with where to get it). */
export function renderStart(view: StepView, state: StateOf<'start'>): StepContent {
  const { t } = view;
  return {
    heading: t.start.heading,
    body: html`${text(t.start.intro)}
      <h3 part="subheading">${t.start.requirementHeading}</h3>
      ${text(t.start.requirement)}
      <p part="text"><a part="link" href=${view.eherkenningInfoUrl}>${t.start.requirementLink}</a></p>
      ${actions(
        html`<button
          part="button button-primary"
          class="button button-primary"
          type="button"
          @click=${() => view.act(() => state.actions.begin())}
        >
          ${t.start.action}
        </button>`,
      )}`,
  };
}
