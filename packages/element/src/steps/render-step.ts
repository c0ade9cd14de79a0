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
import type { StepContent, StepView } from './view.js';

/** The step's content for the current state: an exhaustive switch, so a new step does not compile unrendered. */
export function renderStep(view: StepView): StepContent {
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
