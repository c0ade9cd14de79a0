import { html, type TemplateResult } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { actions, text } from './parts.js';
import type { StepContent, StepView } from './view.js';

/** `start`: what a personal account gives, and that eHerkenning level 3 is needed (with where to get it). */
export function renderStart(view: StepView, state: StateOf<'start'>): StepContent {
  return startContent(
    view,
    html`<button
      part="button button-primary"
      class="button button-primary"
      type="button"
      @click=${() => view.act(() => state.actions.begin())}
    >
      ${view.t.start.action}
    </button>`,
  );
}

/** What the start step's texts need: also when the server's configuration could not be loaded. */
export type StartView = Pick<StepView, 't' | 'eherkenningInfoUrl' | 'supplierCount'>;

/**
 * The start step's heading and texts with `action` as its button: "Start hier", or "Opnieuw proberen" while the
 * first load has failed.
 */
export function startContent(view: StartView, action: TemplateResult): StepContent {
  const { t } = view;
  return {
    heading: t.start.heading,
    body: html`${text(t.start.intro)}
      <h3 part="subheading">${t.start.requirementHeading}</h3>
      ${text(requirement(view))} ${moreAboutEherkenning(view)} ${actions(action)}`,
  };
}

/** The seed's "bij één van de 6 erkende leveranciers", counted from the server's list once it is known. */
function requirement({ t, supplierCount }: StartView): string {
  return supplierCount ? format(t.start.requirement, { suppliers: supplierCount }) : t.start.requirementNoCount;
}

/**
 * "Kijk voor meer informatie op de website van de Belastingdienst en zoek naar eHerkenning aanvragen.", the link
 * on the words the `{link}` placeholder stands for (after the sentence when a replaced text leaves it out).
 */
export function moreAboutEherkenning({ t, eherkenningInfoUrl }: StartView): TemplateResult {
  const [before = '', after = ''] = t.start.requirementMore.split('{link}');
  return html`<p part="text">
    ${before}<a part="link" href=${eherkenningInfoUrl}>${t.start.requirementLink}</a>${after}
  </p>`;
}
