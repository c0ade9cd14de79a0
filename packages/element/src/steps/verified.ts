import { html, nothing } from 'lit';
import type { StateOf } from '@wij-techniek/onboarding-sdk';
import { format } from '../i18n/translation.js';
import { signOutButton, standaloneLink, text } from './parts.js';
import type { StepContent, StepView } from './view.js';

/**
 * `verified`: the account is verified; an administrator holds all rights and grants them to employees, a member
 * (an invited employee) sees the rights they were granted.
 */
export function renderVerified(view: StepView, state: StateOf<'verified'>): StepContent {
  const { t } = view;
  const administrator = state.rights.includes('administer');
  return {
    heading: t.verified.heading,
    body: html`${text(format(t.verified.organisation, { organisation: state.organisation.name }))}
    ${text(administrator ? t.verified.administrator : t.verified.member)}
    ${
      administrator || state.rights.length === 0
        ? nothing
        : html`<p part="text" id="wt-rights-heading">${t.verified.rights}</p>
            <ul part="rights" aria-labelledby="wt-rights-heading">
              ${state.rights.map((right) => html`<li>${t.verified.right[right]}</li>`)}
            </ul>`
    }
    ${standaloneLink(view.homeUrl, t.verified.home)} ${signOutButton(view, () => state.actions.signOut())}`,
  };
}
