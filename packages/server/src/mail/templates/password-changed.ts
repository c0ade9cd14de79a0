import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the "your password was changed" mail. */
export interface PasswordChangedData {
  readonly firstName: string;
  /** Where to start a reset if this was not the owner. */
  readonly resetUrl: string;
}

/** Tells the owner their password changed and what to do when it was not them. */
export function passwordChanged(data: PasswordChangedData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, 'Your Wij Techniek password was changed', [
      { paragraph: `Hello ${data.firstName},` },
      { paragraph: 'The password of your Wij Techniek account was just changed. Every other session was signed out.' },
      {
        paragraph:
          'Was this not you? Set a new password straight away with "Forgot password?" and tell Wij Techniek, so we can check your account.',
      },
      { link: { href: data.resetUrl, label: 'Set a new password' } },
    ]);
  }
  return layout(lang, 'Je Wij Techniek-wachtwoord is gewijzigd', [
    { paragraph: `Hallo ${data.firstName},` },
    {
      paragraph: 'Het wachtwoord van je Wij Techniek-account is zojuist gewijzigd. Alle andere sessies zijn afgemeld.',
    },
    {
      paragraph:
        'Was jij dit niet? Kies dan meteen een nieuw wachtwoord via "Wachtwoord vergeten?" en laat het Wij Techniek weten, zodat we je account kunnen controleren.',
    },
    { link: { href: data.resetUrl, label: 'Nieuw wachtwoord kiezen' } },
  ]);
}
