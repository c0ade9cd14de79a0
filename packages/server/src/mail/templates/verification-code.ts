import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the sign-up code mail. */
export interface VerificationCodeData {
  readonly code: string;
  /** Minutes the code stays valid. */
  readonly minutes: number;
}

/** The sign-up code; the code is in the subject so it shows in a notification. */
export function verificationCode(data: VerificationCodeData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, `Your verification code: ${data.code}`, [
      { paragraph: 'Enter this code to create your Wij Techniek account:' },
      { code: data.code },
      { paragraph: `The code is valid for ${data.minutes} minutes and can be used once.` },
      { paragraph: 'If you ask for a new code, only the newest one works.' },
      { paragraph: 'Did you not ask for this? Then you can ignore this e-mail; nothing happens without the code.' },
    ]);
  }
  return layout(lang, `Je verificatiecode: ${data.code}`, [
    { paragraph: 'Vul deze code in om je Wij Techniek-account aan te maken:' },
    { code: data.code },
    { paragraph: `De code is ${data.minutes} minuten geldig en werkt één keer.` },
    { paragraph: 'Vraag je een nieuwe code aan, dan geldt alleen de nieuwste.' },
    { paragraph: 'Heb je hier niet om gevraagd? Dan kun je deze e-mail negeren; zonder de code gebeurt er niets.' },
  ]);
}
