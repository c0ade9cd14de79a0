import { html, type TemplateResult } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { actions, text } from './parts.js';
import type { StepContent, StepView } from './view.js';

/** `start`: what a personal account gives, and that eHerkenning level 3 is needed (with where to get it). */
export function renderStart(view: StepView, state: StateOf<'start'>): StepContent {
  const { t } = view;
  return {
    heading: t.start.heading,
    body: html`${text(t.start.intro)}
      <h3 part="subheading">${t.start.requirementHeading}</h3>
      ${text(requirement(view))} ${moreAboutEherkenning(view)}
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

/** The seed's "bij één van de 6 erkende leveranciers", counted from the server's list once it is known. */
function requirement({ t, supplierCount }: StepView): string {
  return supplierCount ? format(t.start.requirement, { suppliers: supplierCount }) : t.start.requirementNoCount;
}

/**
 * "Kijk voor meer informatie op de website van de Belastingdienst en zoek naar eHerkenning aanvragen.", the link
 * on the words the `{link}` placeholder stands for (after the sentence when a replaced text leaves it out).
 */
export function moreAboutEherkenning({ t, eherkenningInfoUrl }: StepView): TemplateResult {
  const [before = '', after = ''] = t.start.requirementMore.split('{link}');
  return html`<p part="text">
    ${before}<a part="link" href=${eherkenningInfoUrl}>${t.start.requirementLink}</a>${after}
  </p>`;
}
