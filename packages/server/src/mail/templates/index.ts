import type { Language } from '@wij-techniek/onboarding-contract';
import { accountExists, type AccountExistsData } from './account-exists.js';
import { administratorAdded, type AdministratorAddedData } from './administrator-added.js';
import { invitation, type InvitationData } from './invitation.js';
import type { RenderedMail } from './layout.js';
import { passwordChanged, type PasswordChangedData } from './password-changed.js';
import { passwordCode, type PasswordCodeData } from './password-code.js';
import { passwordNoAccount, type PasswordNoAccountData } from './password-no-account.js';
import { verificationCode, type VerificationCodeData } from './verification-code.js';

export type { RenderedMail } from './layout.js';
export type { AccountExistsData } from './account-exists.js';
export type { AdministratorAddedData } from './administrator-added.js';
export type { InvitationData } from './invitation.js';
export type { PasswordChangedData } from './password-changed.js';
export type { PasswordCodeData } from './password-code.js';
export type { PasswordNoAccountData } from './password-no-account.js';
export type { VerificationCodeData } from './verification-code.js';

/** Every mail the onboarding sends, by template name, with the data each needs. */
export interface MailTemplates {
  'verification-code': VerificationCodeData;
  'account-exists': AccountExistsData;
  'password-code': PasswordCodeData;
  'password-no-account': PasswordNoAccountData;
  'password-changed': PasswordChangedData;
  'administrator-added': AdministratorAddedData;
  invitation: InvitationData;
}

/** A template name. */
export type MailTemplateName = keyof MailTemplates;

const RENDERERS: { readonly [T in MailTemplateName]: (data: MailTemplates[T], lang: Language) => RenderedMail } = {
  'verification-code': verificationCode,
  'account-exists': accountExists,
  'password-code': passwordCode,
  'password-no-account': passwordNoAccount,
  'password-changed': passwordChanged,
  'administrator-added': administratorAdded,
  invitation,
};

/** Renders `template` with `data` in `lang`. */
export function renderMail<T extends MailTemplateName>(
  template: T,
  data: MailTemplates[T],
  lang: Language,
): RenderedMail {
  return RENDERERS[template](data, lang);
}
