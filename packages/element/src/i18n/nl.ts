import type { Translation } from './translation.js';

/** Dutch, the default language. The labels are the ones Wij Techniek's users know from the current pages. */
export const nl: Translation = {
  common: {
    loading: 'Even geduld, we laden je gegevens…',
    loadFailed: 'We konden de aanmeldgegevens niet laden. Controleer je internetverbinding en probeer het opnieuw.',
    unreachable:
      'We konden de aanmeldgegevens niet laden: onze dienst is nu niet bereikbaar. Probeer het later opnieuw.',
    retry: 'Opnieuw proberen',
    busy: 'Even geduld…',
    back: 'Terug',
    progress: 'Stap {current} van {total}',
    showPassword: 'Toon wachtwoord',
    hidePassword: 'Verberg wachtwoord',
    required: 'verplicht',
    signOut: 'Uitloggen',
  },
  start: {
    heading: 'Account aanmaken en met eHerkenning verificatie inloggen',
    intro:
      "Met een persoonlijk account krijg je een overzicht van al onze online diensten. Regel in een handomdraai zaken als het aan- en afmelden van collega's voor bijeenkomsten, het indienen van declaraties en krijg toegang tot exclusieve informatie en tools. Het kost even tijd, maar dan heb je wel toegang tot alles.",
    requirementHeading: 'Voordat je begint:',
    requirement:
      'Om gebruik te maken van de online diensten van Wij Techniek is eHerkenning niveau 3 nodig. Heb je dit nog niet? Vraag dan eerst eHerkenning niveau 3 aan bij {suppliers|de erkende leverancier|één van de # erkende leveranciers}.',
    requirementNoCount:
      'Om gebruik te maken van de online diensten van Wij Techniek is eHerkenning niveau 3 nodig. Heb je dit nog niet? Vraag dan eerst eHerkenning niveau 3 aan bij één van de erkende leveranciers.',
    requirementMore: 'Kijk voor meer informatie op de {link} en zoek naar eHerkenning aanvragen.',
    requirementLink: 'website van de Belastingdienst',
    action: 'Start hier',
  },
  eherkenningInfo: {
    heading: 'Inloggen met eHerkenning',
    body: 'Je logt in met eHerkenning niveau 3. Zo weten we zeker dat je namens jouw organisatie handelt.',
    noEherkenning:
      'Heb je nog geen eHerkenning niveau 3? Dat niveau heb je nodig voordat je gebruik kunt maken van de online diensten van Wij Techniek.',
    action: 'Login eHerkenning',
  },
  account: {
    heading: 'Jouw Wij Techniek-account',
    intro: 'Een Wij Techniek-account maak je eenmalig aan.',
    createHeading: 'Nog geen account?',
    create: 'Maak een account aan',
    signInHeading: 'Heb je al een Wij Techniek-account?',
    signInIntro: 'Meld je dan aan en ga verder bij stap {step}.',
    email: 'E-mailadres',
    password: 'Wachtwoord',
    signIn: 'Aanmelden',
    forgotPassword: 'Wachtwoord vergeten?',
  },
  email: {
    heading: 'Vul je e-mailadres in',
    intro: 'We sturen een verificatiecode naar dit adres.',
    email: 'E-mailadres',
    emailHint: 'Bijvoorbeeld naam@bedrijf.nl',
    action: 'Verificatiecode verzenden',
  },
  code: {
    heading: 'Vul de verificatiecode in',
    intro:
      'Je ontvangt nu een verificatiecode per e-mail op {email}. Kopieer deze code uit je e-mail en plak hem in dit vakje.',
    alreadySent:
      'We hebben je net al een verificatiecode gestuurd op {email}. Die code blijft geldig, dus je krijgt nu geen nieuwe e-mail. Kopieer de code uit die e-mail en plak hem in dit vakje.',
    existingAccount:
      'Heb je met dit e-mailadres al een Wij Techniek-account? Dan krijg je geen code, maar een e-mail "Je hebt al een Wij Techniek-account". Meld je dan aan met de link in die e-mail.',
    code: 'Verificatiecode',
    codeHint: 'De code heeft 6 cijfers. Spaties en streepjes mogen.',
    action: 'Volgende',
    resend: 'Stuur een nieuwe code',
    resendIn: 'Je kunt over {seconds} seconden een nieuwe code aanvragen.',
    resent: 'We hebben een nieuwe code gestuurd naar {email}.',
    invalidAfterResend:
      'Deze code klopt niet. Heb je een nieuwe code aangevraagd? Gebruik dan de code uit de nieuwste e-mail. Je kunt het nog {attemptsLeft|# keer|# keer} proberen.',
    changeEmail: 'Ander e-mailadres gebruiken',
  },
  details: {
    heading: 'Maak je account af',
    intro:
      'Vul een zelfbedacht en veilig wachtwoord van tussen de {min}-{max} karakters, met een combinatie van hoofdletters, kleine letters, cijfers en symbolen in. Herhaal het wachtwoord in het vakje eronder. Vul ook je voor- en achternaam in.',
    introLengthOnly:
      'Vul een zelfbedacht en veilig wachtwoord van tussen de {min}-{max} karakters in. Herhaal het wachtwoord in het vakje eronder. Vul ook je voor- en achternaam in.',
    password: 'Wachtwoord',
    passwordRepeat: 'Herhaal wachtwoord',
    firstName: 'Voornaam',
    lastName: 'Achternaam',
    action: 'Maken',
  },
  supplier: {
    heading: 'Kies je eHerkenning-leverancier',
    intro:
      'Je verlaat nu de website van Wij Techniek en wordt doorverwezen naar eHerkenning. Nog een paar stappen en dan is jouw account aangemaakt. Kies in de uitklapbare lijst de leverancier waarbij je eHerkenning hebt aangemaakt, klik op Verder en log in bij die leverancier.',
    supplier: 'eHerkenning-leverancier',
    choose: 'Kies je leverancier',
    action: 'Verder',
  },
  verified: {
    heading: 'Jouw account is geverifieerd!',
    organisation: 'Organisatie: {organisation}',
    administrator:
      'Jouw account is het beheerdersaccount voor jouw organisatie. Met dit account heb je alle rechten en kun je die ook toekennen aan medewerkers binnen je bedrijf.',
    member: 'Je account hoort bij deze organisatie. Je beheerder bepaalt welke rechten je hebt.',
    rights: 'Jouw rechten',
    right: {
      register_for_meetings: "Collega's aanmelden voor bijeenkomsten",
      submit_expense_claims: 'Declaraties indienen',
      access_exclusive_content: 'Exclusieve informatie en tools',
      administer: 'Beheer (rechten toekennen)',
    },
    home: 'Terug naar de website van Wij Techniek',
  },
  passwordEmail: {
    heading: 'Wachtwoord vergeten',
    intro: 'Vul het e-mailadres van je account in. We sturen je een code waarmee je een nieuw wachtwoord kiest.',
    email: 'E-mailadres',
    action: 'Verificatiecode verzenden',
  },
  passwordCode: {
    heading: 'Vul de verificatiecode in',
    intro:
      'Als er een account bij {email} hoort, ontvang je nu een verificatiecode per e-mail. Plak de code in dit vakje.',
    alreadySent:
      'Als er een account bij {email} hoort, hebben we je net al een verificatiecode gestuurd. Die code blijft geldig, dus je krijgt nu geen nieuwe e-mail. Plak de code in dit vakje.',
  },
  passwordNew: {
    heading: 'Kies een nieuw wachtwoord',
    intro: 'Vul een nieuw, veilig wachtwoord in en herhaal het in het vakje eronder.',
    password: 'Nieuw wachtwoord',
    passwordRepeat: 'Herhaal nieuw wachtwoord',
    action: 'Wachtwoord opslaan',
  },
  invitation: {
    heading: 'Je bent uitgenodigd',
    intro: '{organisation} nodigt je uit voor de online diensten van Wij Techniek.',
    newAccountHeading: 'Nog geen account? Maak er een aan',
    existingAccountHeading: 'Heb je al een Wij Techniek-account? Meld je dan aan',
    accept: 'Account maken en uitnodiging aannemen',
    signInAndAccept: 'Aanmelden en uitnodiging aannemen',
  },
  session: {
    warning: 'Je sessie stopt binnen {minutes|# minuut|# minuten} als je niets doet. Wil je doorgaan?',
    warningSoon: 'Je sessie stopt binnenkort als je niets doet. Wil je doorgaan?',
    ending:
      'Je sessie stopt binnen {minutes|# minuut|# minuten} en kan om veiligheidsredenen niet worden verlengd. Rond af wat je doet; daarna log je opnieuw in of begin je opnieuw.',
    endingSoon:
      'Je sessie stopt binnenkort en kan om veiligheidsredenen niet worden verlengd. Rond af wat je doet; daarna log je opnieuw in of begin je opnieuw.',
    timeLeft: 'Nog {time}',
    extend: 'Doorgaan',
    extended: 'Je sessie is verlengd. Je kunt verder waar je was.',
  },
  notices: {
    signed_out: 'Je bent uitgelogd.',
    password_changed: 'Je wachtwoord is gewijzigd.',
  },
  rules: {
    heading: 'Je wachtwoord heeft:',
    length: 'tussen {min} en {max} tekens',
    upper: 'een hoofdletter',
    lower: 'een kleine letter',
    digit: 'een cijfer',
    symbol: 'een symbool, zoals ! of #',
    met: 'in orde',
    unmet: 'nog niet in orde',
  },
  fields: {
    email: 'Vul je e-mailadres in, zoals naam@bedrijf.nl.',
    code: 'Vul de verificatiecode uit je e-mail in.',
    password: 'Vul je wachtwoord in.',
    passwordRepeat: 'Herhaal je wachtwoord in dit vakje.',
    firstName: 'Vul je voornaam in.',
    lastName: 'Vul je achternaam in.',
    supplierId: 'Kies een leverancier uit de lijst.',
  },
  violations: {
    too_short: 'Je wachtwoord is te kort. Gebruik minstens {min} tekens.',
    too_long: 'Je wachtwoord is te lang. Gebruik hoogstens {max} tekens.',
    missing_upper: 'Je wachtwoord heeft nog geen hoofdletter. Voeg er een toe.',
    missing_lower: 'Je wachtwoord heeft nog geen kleine letter. Voeg er een toe.',
    missing_digit: 'Je wachtwoord heeft nog geen cijfer. Voeg er een toe.',
    missing_symbol: 'Je wachtwoord heeft nog geen symbool. Voeg er een toe, zoals ! of #.',
    blocklisted: 'Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander wachtwoord.',
    contains_personal_data:
      'Je wachtwoord bevat je naam, je e-mailadres of Wij Techniek. Kies een wachtwoord zonder deze woorden.',
  },
  errors: {
    invalid_request: 'Niet alle gegevens zijn goed ingevuld. Controleer de gemarkeerde velden en probeer het opnieuw.',
    invalid_email: 'Dit is geen geldig e-mailadres. Vul een adres in zoals naam@bedrijf.nl.',
    unsupported_media_type: 'Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.',
    payload_too_large: 'Wat je invulde is te lang. Maak het korter en probeer het opnieuw.',
    origin_not_allowed:
      'Aanmelden kan niet vanaf deze pagina. Ga naar wij-techniek.nl/account en probeer het daar opnieuw.',
    method_not_allowed: 'Er ging iets mis bij het versturen. Laad de pagina opnieuw en probeer het nog eens.',
    not_found: 'Dit onderdeel is niet gevonden. Laad de pagina opnieuw en begin opnieuw.',
    rate_limited: 'Je hebt het te vaak kort na elkaar geprobeerd. Wacht even en probeer het daarna opnieuw.',
    code_invalid:
      'Deze code klopt niet. Controleer de code in je e-mail en probeer het opnieuw. Je kunt het nog {attemptsLeft|# keer|# keer} proberen.',
    code_expired: 'Deze code is verlopen. Vraag hieronder een nieuwe code aan.',
    too_many_attempts:
      'Je hebt te vaak een verkeerde code ingevuld. Begin opnieuw: vul je e-mailadres in, dan sturen we een nieuwe code.',
    resend_too_soon: 'Je hebt net een code gekregen. Wacht {retryAfterSeconds} seconden en vraag dan een nieuwe aan.',
    password_policy: 'Je wachtwoord voldoet nog niet aan de eisen. Pas het aan volgens de lijst hieronder.',
    password_unchanged: 'Dit is je huidige wachtwoord. Kies een ander wachtwoord.',
    step_out_of_order: 'Deze stap past niet bij waar je was. Laad de pagina opnieuw om verder te gaan.',
    flow_expired: 'Je aanmelding is verlopen. Begin opnieuw door je e-mailadres in te vullen.',
    session_expired: 'Je sessie is verlopen omdat je een tijd niets hebt gedaan. Log opnieuw in om verder te gaan.',
    invalid_credentials:
      'Het e-mailadres of wachtwoord klopt niet. Controleer beide en probeer het opnieuw, of kies ‘Wachtwoord vergeten?’ om een nieuw wachtwoord in te stellen.',
    not_signed_in: 'Je bent niet (meer) ingelogd. Log opnieuw in om verder te gaan.',
    unknown_supplier: 'Deze leverancier kennen we niet. Kies een leverancier uit de lijst.',
    return_to_not_allowed:
      'Deze pagina mag niet terugkeren van eHerkenning. Neem contact op met de beheerder van de website.',
    eherkenning_cancelled:
      'Je hebt het inloggen met eHerkenning afgebroken. Kies je leverancier en klik op Verder om het opnieuw te proberen.',
    eherkenning_level_too_low:
      'Je eHerkenning heeft niet het vereiste niveau 3. Vraag eHerkenning niveau 3 aan bij je leverancier en probeer het daarna opnieuw.',
    eherkenning_failed:
      'Inloggen met eHerkenning is niet gelukt. Probeer het opnieuw; lukt het weer niet, kies dan een andere leverancier of neem contact met ons op.',
    broker_unavailable: 'eHerkenning is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    forbidden: 'Je hebt geen rechten voor deze actie. Vraag de beheerder van je organisatie om hulp.',
    last_administrator: 'Je organisatie heeft altijd een beheerder nodig. Maak eerst iemand anders beheerder.',
    already_member: 'Je hoort al bij deze organisatie. Log in om verder te gaan.',
    invitation_invalid: 'Deze uitnodiging is niet geldig. Vraag de beheerder van je organisatie om een nieuwe.',
    invitation_expired: 'Deze uitnodiging is verlopen. Vraag de beheerder van je organisatie om een nieuwe.',
    invitation_email_mismatch:
      'Deze uitnodiging is voor een ander e-mailadres. Log in met het adres waarop je de uitnodiging kreeg.',
    service_unavailable: 'Onze dienst is even niet beschikbaar. Probeer het over een paar minuten opnieuw.',
    internal_error: 'Er ging bij ons iets mis. Probeer het opnieuw; lukt het weer niet, neem dan contact met ons op.',
    passwords_differ: 'De wachtwoorden zijn niet gelijk. Typ in beide vakjes hetzelfde wachtwoord.',
    network_error: 'Er is geen verbinding. Controleer je internetverbinding en probeer het opnieuw.',
    timeout: 'Het duurde te lang voordat we antwoord kregen. Probeer het opnieuw.',
    invalid_response: 'We kregen een onverwacht antwoord. Laad de pagina opnieuw en probeer het nog eens.',
    invalid_transition: 'Deze actie kan nu niet. Laad de pagina opnieuw om verder te gaan.',
  },
  rateLimited: {
    minutes: 'Je hebt het te vaak kort na elkaar geprobeerd. Probeer het over {minutes|een minuut|# minuten} opnieuw.',
    hours: 'Je hebt het te vaak kort na elkaar geprobeerd. Probeer het over {hours|een uur|# uur} opnieuw.',
  },
  antiAutomation: {
    refused: 'De controle of je geen robot bent is niet gelukt. Doe de controle opnieuw en probeer het dan nog eens.',
  },
};
