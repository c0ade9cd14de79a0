import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the "you already have an account" mail. */
export interface AccountExistsData {
  /** Where to sign in (the page with the element). */
  readonly signInUrl: string;
}

/**
 * Sent instead of a code when someone starts a sign-up with an address that already has an account
 * (SECURITY.md R4): the answer on screen is the same, only the owner of the address learns the difference.
 */
export function accountExists(data: AccountExistsData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, 'You already have a Wij Techniek account', [
      { paragraph: 'Someone, probably you, tried to create a Wij Techniek account with this e-mail address.' },
      { paragraph: 'This address already has an account, so no new one is needed. Sign in instead:' },
      { link: { href: data.signInUrl, label: 'Sign in' } },
      { paragraph: 'Forgot your password? Choose "Forgot password?" on the sign-in screen.' },
      { paragraph: 'Was this not you? Then you can ignore this e-mail; your account has not changed.' },
    ]);
  }
  return layout(lang, 'Je hebt al een Wij Techniek-account', [
    { paragraph: 'Iemand, waarschijnlijk jij, probeerde een Wij Techniek-account aan te maken met dit e-mailadres.' },
    { paragraph: 'Met dit adres bestaat al een account, dus een nieuw account is niet nodig. Meld je aan:' },
    { link: { href: data.signInUrl, label: 'Aanmelden' } },
    { paragraph: 'Wachtwoord vergeten? Kies "Wachtwoord vergeten?" op het inlogscherm.' },
    { paragraph: 'Was jij dit niet? Dan kun je deze e-mail negeren; er is niets aan je account veranderd.' },
  ]);
}
