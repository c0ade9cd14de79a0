import type { MembersTranslation } from './translation.js';

/** Dutch, the default language. The rights carry the labels Wij Techniek's users know. */
export const membersNl: MembersTranslation = {
  members: {
    heading: 'Medewerkers en rechten',
    organisation: 'Organisatie: {organisation}',
    listHeading: 'Leden',
    you: '(jij)',
    email: 'E-mailadres',
    rights: 'Rechten',
    noRights: 'Nog geen rechten',
    edit: 'Rechten wijzigen',
    editContext: 'van {name}',
    editRightsOf: 'Rechten van {name}',
    save: 'Rechten opslaan',
    cancel: 'Annuleren',
    remove: 'Verwijderen',
    removeContext: '{name}',
    confirmRemove:
      'Weet je zeker dat je {name} ({email}) uit {organisation} wilt verwijderen? {name} verliest dan alle rechten binnen je organisatie.',
    confirmRemoveSelf:
      'Weet je zeker dat je jezelf uit {organisation} wilt verwijderen? Je verliest dan al je rechten en kunt deze pagina niet meer gebruiken.',
    confirm: 'Ja, verwijderen',
    saved: 'De rechten van {name} zijn opgeslagen.',
    removed: '{name} is verwijderd uit {organisation}.',
    removedSelf: 'Je bent verwijderd uit {organisation}.',
    notAdministrator:
      'Je hebt het recht ‘Beheer (rechten toekennen)’ niet voor {organisation}. Vraag een beheerder van je organisatie als je medewerkers wilt uitnodigen of rechten wilt wijzigen.',
    yourRights: 'Jouw rechten',
    loadFailed: 'We konden de medewerkers van je organisatie niet laden.',
    switchOrganisation: 'Organisatie',
  },
  invitations: {
    heading: 'Openstaande uitnodigingen',
    none: 'Er staan geen uitnodigingen open.',
    expires: 'De link werkt tot {date}.',
    expired: 'De link is verlopen op {date}. Trek de uitnodiging in en nodig je collega opnieuw uit.',
    withdraw: 'Uitnodiging intrekken',
    withdrawContext: 'voor {email}',
    withdrawn: 'De uitnodiging voor {email} is ingetrokken. De link in de e-mail werkt niet meer.',
  },
  invite: {
    heading: 'Collega uitnodigen',
    intro:
      'Je collega krijgt een e-mail met een link die 7 dagen werkt. Daarmee maakt je collega een account aan of logt in; eHerkenning is niet nodig.',
    email: 'E-mailadres van je collega',
    emailHint: 'Bijvoorbeeld naam@bedrijf.nl',
    rights: 'Rechten',
    rightsHint: 'Kies wat je collega mag. Je kunt dit later wijzigen.',
    action: 'Uitnodiging versturen',
    sent: 'De uitnodiging is verstuurd naar {email}.',
  },
  rightLabels: {
    register_for_meetings: "Collega's aanmelden voor bijeenkomsten",
    submit_expense_claims: 'Declaraties indienen',
    access_exclusive_content: 'Exclusieve informatie en tools',
    administer: 'Beheer (rechten toekennen)',
  },
  errors: {
    forbidden:
      'Je hebt (niet meer) het recht ‘Beheer (rechten toekennen)’ voor deze organisatie. Vraag een beheerder van je organisatie om dit recht, of om de wijziging voor je te doen.',
    last_administrator:
      'Je organisatie heeft altijd minstens één beheerder nodig. Geef eerst een collega het recht ‘Beheer (rechten toekennen)’; daarna kun je dit recht weghalen of het lid verwijderen.',
    invalid_email: 'Dit is geen geldig e-mailadres. Vul het adres van je collega in, zoals naam@bedrijf.nl.',
    already_member:
      'Dit e-mailadres hoort al bij een lid van je organisatie. Wil je iets anders laten doen? Wijzig dan de rechten van dat lid in de lijst.',
    rate_limited:
      'Je hebt veel uitnodigingen kort na elkaar verstuurd. Wacht een paar minuten en probeer het daarna opnieuw.',
    not_found:
      'Dit lid of deze uitnodiging bestaat niet meer; iemand anders heeft het al gewijzigd. We hebben de lijst bijgewerkt.',
    not_signed_in: 'Je bent niet (meer) ingelogd. Log in met je Wij Techniek-account en open deze pagina opnieuw.',
    session_expired:
      'Je sessie is verlopen omdat je een tijd niets hebt gedaan. Log opnieuw in en open deze pagina opnieuw.',
    invalid_request: 'Niet alles is goed ingevuld. Controleer het e-mailadres en de rechten en probeer het opnieuw.',
  },
  rateLimited: {
    minutes:
      'Je hebt veel uitnodigingen kort na elkaar verstuurd. Probeer het over {minutes|een minuut|# minuten} opnieuw.',
    hours: 'Je hebt veel uitnodigingen kort na elkaar verstuurd. Probeer het over {hours|een uur|# uur} opnieuw.',
  },
};
