import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the password-reset code mail. */
export interface PasswordCodeData {
  readonly code: string;
  /** Minutes the code stays valid. */
  readonly minutes: number;
}

/**
 * The code that lets the owner of the address set a new password; the code is in the subject so it shows in a
 * notification, and the subject is not the sign-up code mail's, so someone with both in the inbox tells them apart.
 */
export function passwordCode(data: PasswordCodeData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, `Your code for a new password: ${data.code}`, [
      { paragraph: 'Enter this code to set a new password for your Wij Techniek account:' },
      { code: data.code },
      { paragraph: `The code is valid for ${data.minutes} minutes and can be used once.` },
      { paragraph: 'If you ask for a new code, only the newest one works.' },
      { paragraph: 'Did you not ask for this? Then ignore this e-mail; your password stays as it is.' },
    ]);
  }
  return layout(lang, `Je code voor een nieuw wachtwoord: ${data.code}`, [
    { paragraph: 'Vul deze code in om een nieuw wachtwoord te kiezen voor je Wij Techniek-account:' },
    { code: data.code },
    { paragraph: `De code is ${data.minutes} minuten geldig en werkt één keer.` },
    { paragraph: 'Vraag je een nieuwe code aan, dan geldt alleen de nieuwste.' },
    { paragraph: 'Heb je hier niet om gevraagd? Negeer deze e-mail dan; je wachtwoord blijft zoals het is.' },
  ]);
}
