import { RIGHTS, type Language, type Right } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of an invitation to join an organisation. */
export interface InvitationData {
  readonly organisationName: string;
  /** Full name of the administrator who invites. */
  readonly inviterName: string;
  /** The link with the token; the token appears nowhere else. */
  readonly acceptUrl: string;
  /** When the link stops working (ISO 8601). */
  readonly expiresAt: string;
  readonly rights: readonly Right[];
}

const RIGHT_LABELS: Readonly<Record<Language, Readonly<Record<Right, string>>>> = {
  nl: {
    register_for_meetings: 'collega’s aan- en afmelden voor bijeenkomsten',
    submit_expense_claims: 'declaraties indienen',
    access_exclusive_content: 'toegang tot exclusieve informatie en tools',
    administer: 'leden en hun rechten beheren',
  },
  en: {
    register_for_meetings: 'register colleagues for meetings',
    submit_expense_claims: 'submit expense claims',
    access_exclusive_content: 'access exclusive information and tools',
    administer: 'manage members and their rights',
  },
};

/** The invitation link an administrator sends to an employee. */
export function invitation(data: InvitationData, lang: Language): RenderedMail {
  const rights = RIGHTS.filter((right) => data.rights.includes(right))
    .map((right) => `- ${RIGHT_LABELS[lang][right]}`)
    .join('\n');
  const date = new Date(data.expiresAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  });
  if (lang === 'en') {
    return layout(lang, `${data.inviterName} invites you to ${data.organisationName} at Wij Techniek`, [
      {
        paragraph: `${data.inviterName} invites you to use the Wij Techniek online services for ${data.organisationName}.`,
      },
      ...(rights ? [{ paragraph: `You may:\n${rights}` }] : []),
      { link: { href: data.acceptUrl, label: 'Accept the invitation' } },
      { paragraph: `The link works once and until ${date}. Not expecting this? Then ignore this e-mail.` },
    ]);
  }
  return layout(lang, `${data.inviterName} nodigt je uit voor ${data.organisationName} bij Wij Techniek`, [
    {
      paragraph: `${data.inviterName} nodigt je uit om de online diensten van Wij Techniek te gebruiken voor ${data.organisationName}.`,
    },
    ...(rights ? [{ paragraph: `Je mag:\n${rights}` }] : []),
    { link: { href: data.acceptUrl, label: 'Uitnodiging accepteren' } },
    { paragraph: `De link werkt één keer en tot ${date}. Verwachtte je dit niet? Negeer deze e-mail dan.` },
  ]);
}
