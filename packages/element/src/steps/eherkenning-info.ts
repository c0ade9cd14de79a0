import { html } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { actions, secondary, text } from './parts.js';
import { moreAboutEherkenning } from './start.js';
import type { StepContent, StepView } from './view.js';

/** `eherkenning-info`: eHerkenning level 3 is needed before the online services can be used. */
export function renderEherkenningInfo(view: StepView, state: StateOf<'eherkenning-info'>): StepContent {
  const { t } = view;
  return {
    heading: t.eherkenningInfo.heading,
    body: html`${text(t.eherkenningInfo.body)} ${text(t.eherkenningInfo.noEherkenning)} ${moreAboutEherkenning(view)}
    ${actions(
      html`<button
        part="button button-primary"
        class="button button-primary"
        type="button"
        @click=${() => view.act(() => state.actions.next())}
      >
        ${t.eherkenningInfo.action}
      </button>`,
      secondary(view, t.common.back, () => state.actions.back()),
    )}`,
  };
}
