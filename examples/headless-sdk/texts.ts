// The Dutch texts of the example UI: one per error code of the contract and one per password rule. Both tables are
// Records over the contract's unions (ErrorCode comes from ERROR_CODES), so a code added to the contract is a
// compile error here until it has a text, and a UI never shows a raw code.
import type {
  ErrorCode,
  FieldErrorCode,
  FieldName,
  FlowNotice,
  FlowState,
  OnboardingError,
  PasswordViolation,
  StateOf,
} from '@wij-techniek/onboarding-sdk';

/** What the person reads for each error code: what happened and what to do. */
export const MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'Niet alle gegevens zijn goed ingevuld. Controleer de gemarkeerde velden.',
  invalid_email: 'Vul een e-mailadres in zoals naam@bedrijf.nl.',
  unsupported_media_type: 'Er ging iets mis bij het versturen. Laad de pagina opnieuw.',
  payload_too_large: 'Wat je invulde is te lang. Maak het korter en probeer het opnieuw.',
  origin_not_allowed: 'Aanmelden kan niet vanaf deze pagina. Ga naar wij-techniek.nl/account.',
  method_not_allowed: 'Er ging iets mis bij het versturen. Laad de pagina opnieuw.',
  not_found: 'Dit onderdeel is niet gevonden. Laad de pagina opnieuw.',
  rate_limited: 'Te veel pogingen. Wacht even en probeer het daarna opnieuw.',
  code_invalid: 'Deze code klopt niet. Controleer de code in je e-mail.',
  code_expired: 'Deze code is verlopen. Vraag een nieuwe code aan.',
  too_many_attempts: 'Te vaak een verkeerde code. Vul je e-mailadres opnieuw in voor een nieuwe code.',
  resend_too_soon: 'Wacht even voordat je een nieuwe code aanvraagt.',
  password_policy: 'Het wachtwoord voldoet niet aan de regels.',
  password_unchanged: 'Dit is je huidige wachtwoord. Kies een ander wachtwoord.',
  step_out_of_order: 'Deze stap past niet bij waar je was. Laad de pagina opnieuw.',
  flow_expired: 'Je aanmelding is verlopen. Vul je e-mailadres opnieuw in.',
  session_expired: 'Je sessie is verlopen. Log opnieuw in om verder te gaan.',
  invalid_credentials: 'E-mailadres of wachtwoord klopt niet.',
  not_signed_in: 'Je bent niet ingelogd. Log in om verder te gaan.',
  unknown_supplier: 'Deze leverancier kennen we niet. Kies een leverancier uit de lijst.',
  return_to_not_allowed: 'Deze pagina mag niet terugkeren van eHerkenning. Neem contact op met de beheerder.',
  eherkenning_cancelled: 'Je hebt het inloggen met eHerkenning afgebroken. Kies je leverancier en probeer het opnieuw.',
  eherkenning_level_too_low: 'Je eHerkenning heeft niet niveau 3. Vraag niveau 3 aan bij je leverancier.',
  eherkenning_failed: 'Inloggen met eHerkenning is niet gelukt. Probeer het opnieuw.',
  broker_unavailable: 'eHerkenning is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
  forbidden: 'Je hebt geen rechten voor deze actie. Vraag de beheerder van je organisatie.',
  last_administrator: 'Je organisatie heeft altijd een beheerder nodig. Maak eerst iemand anders beheerder.',
  already_member: 'Je hoort al bij deze organisatie. Log in om verder te gaan.',
  invitation_invalid: 'Deze uitnodiging is niet geldig. Vraag de beheerder om een nieuwe.',
  invitation_expired: 'Deze uitnodiging is verlopen. Vraag de beheerder om een nieuwe.',
  invitation_email_mismatch: 'Deze uitnodiging is voor een ander e-mailadres. Log in met dat adres.',
  service_unavailable: 'De dienst is even niet beschikbaar. Probeer het over een paar minuten opnieuw.',
  internal_error: 'Er ging bij ons iets mis. Probeer het opnieuw.',
  passwords_differ: 'De wachtwoorden zijn niet gelijk.',
  network_error: 'Geen verbinding met de server. Controleer je verbinding en probeer het opnieuw.',
  timeout: 'Het duurde te lang voordat de server antwoordde. Probeer het opnieuw.',
  invalid_response: 'De server gaf een onverwacht antwoord. Laad de pagina opnieuw.',
  invalid_transition: 'Deze actie kan nu niet meer. Laad de pagina opnieuw.',
};

/**
 * The heading of each step. It says where the person is, and it takes focus when the step changes (main.ts), so a
 * screen reader reads it and a keyboard user goes on from the top of the step.
 */
export const HEADINGS: Record<FlowState['step'], string> = {
  start: 'Account aanmaken en met eHerkenning verificatie inloggen',
  'eherkenning-info': 'Inloggen met eHerkenning',
  account: 'Jouw Wij Techniek-account',
  email: 'Vul je e-mailadres in',
  code: 'Vul de verificatiecode in',
  details: 'Maak je account af',
  supplier: 'Kies je eHerkenning-leverancier',
  verified: 'Jouw account is geverifieerd!',
  'password-email': 'Wachtwoord vergeten',
  'password-code': 'Vul de verificatiecode in',
  'password-new': 'Kies een nieuw wachtwoord',
  invitation: 'Je bent uitgenodigd',
};

/** What the person reads after an action that confirms itself (`state.notice`), on the step that follows. */
export const NOTICES: Record<FlowNotice, string> = {
  signed_out: 'Je bent uitgelogd.',
  password_changed: 'Je wachtwoord is gewijzigd.',
};

/** What the person reads next to the password for each broken rule. */
export const VIOLATIONS: Record<PasswordViolation, string> = {
  too_short: 'Je wachtwoord is te kort.',
  too_long: 'Je wachtwoord is te lang.',
  missing_upper: 'Voeg een hoofdletter toe.',
  missing_lower: 'Voeg een kleine letter toe.',
  missing_digit: 'Voeg een cijfer toe.',
  missing_symbol: 'Voeg een symbool toe, zoals ! of #.',
  blocklisted: 'Dit wachtwoord is te makkelijk te raden. Kies een ander.',
  contains_personal_data: 'Je wachtwoord bevat je naam of e-mailadres. Kies een ander.',
};

/**
 * What the person reads next to a field that is empty or not filled in as asked (`invalid_request` on that field):
 * what to fill in. The status line keeps the general text of `invalid_request`.
 */
export const FIELDS: Record<FieldName, string> = {
  email: 'Vul je e-mailadres in, zoals naam@bedrijf.nl.',
  code: 'Vul de verificatiecode uit je e-mail in.',
  password: 'Vul je wachtwoord in.',
  passwordRepeat: 'Herhaal je wachtwoord in dit vakje.',
  firstName: 'Vul je voornaam in (hoogstens 100 tekens).',
  lastName: 'Vul je achternaam in (hoogstens 100 tekens).',
  supplierId: 'Kies een leverancier uit de lijst.',
};

/** The text of an error code or a broken password rule (`state.error.code`, `state.fieldErrors`). */
export function message(code: FieldErrorCode): string {
  return code in VIOLATIONS ? VIOLATIONS[code as PasswordViolation] : MESSAGES[code as ErrorCode];
}

/**
 * The text of `state.error`: for a refusal that says how long to wait (`retryAfterSeconds`, from the body or
 * `Retry-After`), the wait in words, rounded up (minutes, over an hour whole hours) so trying again then works. The wait of a rate
 * limit can reach an hour; "wait a moment" would send people back too early.
 */
export function errorMessage(error: Pick<OnboardingError, 'code' | 'retryAfterSeconds'>): string {
  const seconds = error.retryAfterSeconds;
  if (error.code !== 'rate_limited' || seconds === undefined || seconds <= 0) return message(error.code);
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.ceil(seconds / 3600);
  const wait =
    minutes === 1 ? 'een minuut' : minutes < 60 ? `${minutes} minuten` : hours === 1 ? 'een uur' : `${hours} uur`;
  return `Je hebt het te vaak kort na elkaar geprobeerd. Probeer het over ${wait} opnieuw.`;
}

/**
 * The text of one of `state.fieldErrors[field]`. The SDK marks a field `invalid_request` when it is empty or not as
 * asked, also a code it refused before sending (no attempt counted): say what to fill in, not that it is wrong.
 */
export function fieldMessage(field: FieldName, code: FieldErrorCode): string {
  return code === 'invalid_request' ? FIELDS[field] : message(code);
}

/** What the `verified` step says the person is in their organisation: by their rights, not by assumption. */
export function roleText({ organisation, rights }: Pick<StateOf<'verified'>, 'organisation' | 'rights'>): string {
  return rights.includes('administer')
    ? `Je bent beheerder van ${organisation.name}.`
    : `Je bent lid van ${organisation.name}.`;
}
