import { TRANSLATIONS } from '../src/controllers/localize-controller.js';
import { headingFrom, runStepTests } from './support/step-suite.js';

describe('<wt-onboarding> steps', () => {
  runStepTests('start', headingFrom('start'));
  runStepTests('eherkenning-info', headingFrom('eherkenningInfo'));
  runStepTests('account', headingFrom('account'));
  runStepTests('email', headingFrom('email'));
  runStepTests('code', headingFrom('code'));
  runStepTests('details', headingFrom('details'));
  runStepTests('supplier', headingFrom('supplier'));
  runStepTests('verified', (lang) => TRANSLATIONS[lang].verified.heading);
  runStepTests('password-email', headingFrom('passwordEmail'));
  runStepTests('password-code', headingFrom('passwordCode'));
  runStepTests('password-new', headingFrom('passwordNew'));
  runStepTests('invitation', headingFrom('invitation'));
});
