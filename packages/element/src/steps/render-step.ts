import { renderAccount } from './account.js';
import { renderCode } from './code.js';
import { renderDetails } from './details.js';
import { renderEherkenningInfo } from './eherkenning-info.js';
import { renderEmail } from './email.js';
import { renderInvitation } from './invitation.js';
import { renderPasswordNew } from './password-new.js';
import { renderStart } from './start.js';
import { renderSupplier } from './supplier.js';
import { renderVerified } from './verified.js';
import { html } from 'lit';
import { noticeRegion } from './parts.js';
import type { StepContent, StepView } from './view.js';

/**
 * The step's content for the current state, below the notice of what led there (see {@link noticeRegion}): one
 * template for every step, so the notice's live region is in the page before its text arrives.
 */
export function renderStep(view: StepView): StepContent {
  const { heading, body } = stepContent(view);
  return { heading, body: html`${noticeRegion(view)}${body}` };
}

/** The step's own content: an exhaustive switch, so a new step does not compile unrendered. */
function stepContent(view: StepView): StepContent {
  const { state } = view;
  switch (state.step) {
    case 'start':
      return renderStart(view, state);
    case 'eherkenning-info':
      return renderEherkenningInfo(view, state);
    case 'account':
      return renderAccount(view, state);
    case 'email':
    case 'password-email':
      return renderEmail(view, state);
    case 'code':
    case 'password-code':
      return renderCode(view, state);
    case 'details':
      return renderDetails(view, state);
    case 'supplier':
      return renderSupplier(view, state);
    case 'verified':
      return renderVerified(view, state);
    case 'password-new':
      return renderPasswordNew(view, state);
    case 'invitation':
      return renderInvitation(view, state);
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
}
