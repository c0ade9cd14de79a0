/**
 * The words a person sees, per language, written out here on purpose: the journeys assert the labels users know
 * from the seed (and their English counterparts), so a changed label is a failing journey, not a silent update.
 */
export const LABELS = {
  nl: {
    start: { heading: 'Account aanmaken en met eHerkenning verificatie inloggen', action: 'Start hier' },
    'eherkenning-info': { heading: 'Inloggen met eHerkenning', action: 'Login eHerkenning' },
    account: {
      heading: 'Jouw Wij Techniek-account',
      create: 'Maak een account aan',
      email: 'E-mailadres',
      password: 'Wachtwoord',
      signIn: 'Aanmelden',
      forgotPassword: 'Wachtwoord vergeten?',
    },
    email: { heading: 'Vul je e-mailadres in', email: 'E-mailadres', action: 'Verificatiecode verzenden' },
    code: {
      heading: 'Vul de verificatiecode in',
      code: 'Verificatiecode',
      action: 'Volgende',
      resend: 'Stuur een nieuwe code',
      changeEmail: 'Ander e-mailadres gebruiken',
    },
    details: {
      heading: 'Maak je account af',
      password: 'Wachtwoord',
      passwordRepeat: 'Herhaal wachtwoord',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      action: 'Maken',
    },
    supplier: { heading: 'Kies je eHerkenning-leverancier', supplier: 'eHerkenning-leverancier', action: 'Verder' },
    verified: { heading: 'Jouw account is geverifieerd!', organisation: 'Organisatie:' },
    'password-email': { heading: 'Wachtwoord vergeten', email: 'E-mailadres', action: 'Verificatiecode verzenden' },
    'password-code': { heading: 'Vul de verificatiecode in', code: 'Verificatiecode', action: 'Volgende' },
    'password-new': {
      heading: 'Kies een nieuw wachtwoord',
      password: 'Nieuw wachtwoord',
      passwordRepeat: 'Herhaal nieuw wachtwoord',
      action: 'Wachtwoord opslaan',
    },
    invitation: {
      heading: 'Je bent uitgenodigd',
      password: 'Wachtwoord',
      passwordRepeat: 'Herhaal wachtwoord',
      firstName: 'Voornaam',
      lastName: 'Achternaam',
      accept: 'Account maken en uitnodiging aannemen',
    },
  },
  en: {
    start: { heading: 'Create an account and verify it with eHerkenning', action: 'Start here' },
    'eherkenning-info': { heading: 'Log in with eHerkenning', action: 'Log in with eHerkenning' },
    account: {
      heading: 'Your Wij Techniek account',
      create: 'Create an account',
      email: 'E-mail address',
      password: 'Password',
      signIn: 'Sign in',
      forgotPassword: 'Forgot your password?',
    },
    email: { heading: 'Enter your e-mail address', email: 'E-mail address', action: 'Send verification code' },
    code: {
      heading: 'Enter the verification code',
      code: 'Verification code',
      action: 'Next',
      resend: 'Send a new code',
      changeEmail: 'Use a different e-mail address',
    },
    details: {
      heading: 'Complete your account',
      password: 'Password',
      passwordRepeat: 'Repeat password',
      firstName: 'First name',
      lastName: 'Last name',
      action: 'Create',
    },
    supplier: { heading: 'Choose your eHerkenning supplier', supplier: 'eHerkenning supplier', action: 'Continue' },
    verified: { heading: 'Your account is verified!', organisation: 'Organisation:' },
    'password-email': { heading: 'Forgot your password', email: 'E-mail address', action: 'Send verification code' },
    'password-code': { heading: 'Enter the verification code', code: 'Verification code', action: 'Next' },
    'password-new': {
      heading: 'Choose a new password',
      password: 'New password',
      passwordRepeat: 'Repeat new password',
      action: 'Save password',
    },
    invitation: {
      heading: 'You are invited',
      password: 'Password',
      passwordRepeat: 'Repeat password',
      firstName: 'First name',
      lastName: 'Last name',
      accept: 'Create account and accept the invitation',
    },
  },
} as const;

/** A language the element speaks. */
export type Lang = keyof typeof LABELS;

/** The messages the journeys expect, as a person reads them (a distinctive part of each). */
export const MESSAGES = {
  nl: {
    codeInvalid: 'Deze code klopt niet.',
    tooManyAttempts: 'Begin opnieuw: vul je e-mailadres in',
    levelTooLow: 'Je eHerkenning heeft niet het vereiste niveau 3.',
    cancelled: 'Je hebt het inloggen met eHerkenning afgebroken.',
    invalidCredentials: 'Het e-mailadres of wachtwoord klopt niet.',
    passwordUnchanged: 'Dit is je huidige wachtwoord. Kies een ander wachtwoord.',
    administrator: 'Jouw account is het beheerdersaccount voor jouw organisatie.',
  },
  en: {
    codeInvalid: 'This code is not right.',
    tooManyAttempts: 'Start again: enter your e-mail address',
    levelTooLow: 'Your eHerkenning does not have the required level 3.',
    cancelled: 'You cancelled logging in with eHerkenning.',
    invalidCredentials: 'The e-mail address or password is not right.',
    passwordUnchanged: 'This is your current password. Choose a different password.',
    administrator: 'Your account is the administrator account of your organisation.',
  },
} as const;
