import type { Page } from 'playwright-core';
import { AccountStep } from './account.ts';
import { CodeStep } from './code.ts';
import { DetailsStep } from './details.ts';
import { EherkenningInfoStep } from './eherkenning-info.ts';
import { EmailStep } from './email.ts';
import { InvitationStep } from './invitation.ts';
import type { Lang } from './labels.ts';
import { PasswordCodeStep } from './password-code.ts';
import { PasswordEmailStep } from './password-email.ts';
import { PasswordNewStep } from './password-new.ts';
import { StartStep } from './start.ts';
import type { StepPage } from './step.ts';
import { STEP_TIMEOUT_MS, type LabelledStep } from './step.ts';
import { SupplierStep } from './supplier.ts';
import { VerifiedStep } from './verified.ts';

/** `<wt-onboarding>` on a page, one page object per step. */
export class OnboardingPage {
  readonly page: Page;
  readonly lang: Lang;
  readonly start: StartStep;
  readonly eherkenningInfo: EherkenningInfoStep;
  readonly account: AccountStep;
  readonly email: EmailStep;
  readonly code: CodeStep;
  readonly details: DetailsStep;
  readonly supplier: SupplierStep;
  readonly verified: VerifiedStep;
  readonly passwordEmail: PasswordEmailStep;
  readonly passwordCode: PasswordCodeStep;
  readonly passwordNew: PasswordNewStep;
  readonly invitation: InvitationStep;

  constructor(page: Page, lang: Lang = 'nl') {
    this.page = page;
    this.lang = lang;
    this.start = new StartStep(page, lang);
    this.eherkenningInfo = new EherkenningInfoStep(page, lang);
    this.account = new AccountStep(page, lang);
    this.email = new EmailStep(page, lang);
    this.code = new CodeStep(page, lang);
    this.details = new DetailsStep(page, lang);
    this.supplier = new SupplierStep(page, lang);
    this.verified = new VerifiedStep(page, lang);
    this.passwordEmail = new PasswordEmailStep(page, lang);
    this.passwordCode = new PasswordCodeStep(page, lang);
    this.passwordNew = new PasswordNewStep(page, lang);
    this.invitation = new InvitationStep(page, lang);
  }

  /** Opens `url` and waits until the element shows its first step. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.heading().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  }

  /** The heading of whatever step is shown. */
  heading() {
    return this.page.locator('wt-onboarding').getByRole('heading', { level: 2 });
  }

  /** The text of the step heading shown now. */
  async headingText(): Promise<string> {
    return ((await this.heading().textContent()) ?? '').trim();
  }

  /** The page object of the step `id`. */
  step(id: LabelledStep): StepPage<LabelledStep> {
    const steps: Record<LabelledStep, StepPage<LabelledStep>> = {
      start: this.start,
      'eherkenning-info': this.eherkenningInfo,
      account: this.account,
      email: this.email,
      code: this.code,
      details: this.details,
      supplier: this.supplier,
      verified: this.verified,
      'password-email': this.passwordEmail,
      'password-code': this.passwordCode,
      'password-new': this.passwordNew,
      invitation: this.invitation,
    };
    return steps[id];
  }
}
