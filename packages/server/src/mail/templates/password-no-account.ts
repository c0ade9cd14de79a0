import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the "no account with this address" mail. */
export interface PasswordNoAccountData {
  /** Where to create an account (the page with the element). */
  readonly signUpUrl: string;
}

/**
 * Sent instead of a code when a password reset is asked for an address without an account: the answer on
 * screen is the same for every address, and the owner of the address learns why no code came.
 */
export function passwordNoAccount(data: PasswordNoAccountData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, 'No Wij Techniek account with this address', [
      { paragraph: 'Someone, probably you, asked to reset the password of a Wij Techniek account with this address.' },
      {
        paragraph:
          'There is no account with this e-mail address. Perhaps you used another address, or you can create an account:',
      },
      { link: { href: data.signUpUrl, label: 'Create an account' } },
      { paragraph: 'Was this not you? Then you can ignore this e-mail.' },
    ]);
  }
  return layout(lang, 'Geen Wij Techniek-account met dit adres', [
    {
      paragraph:
        'Iemand, waarschijnlijk jij, vroeg om het wachtwoord te herstellen van een Wij Techniek-account met dit adres.',
    },
    {
      paragraph:
        'Er is geen account met dit e-mailadres. Misschien gebruikte je een ander adres, of maak een account aan:',
    },
    { link: { href: data.signUpUrl, label: 'Maak een account aan' } },
    { paragraph: 'Was jij dit niet? Dan kun je deze e-mail negeren.' },
  ]);
}
