import type { Language } from '@wij-techniek/onboarding-contract';
import { layout, type RenderedMail } from './layout.js';

/** Data of the mail to existing administrators when eHerkenning made someone else administrator too. */
export interface AdministratorAddedData {
  readonly organisationName: string;
  readonly kvkNumber: string;
  /** Full name of the new administrator. */
  readonly administratorName: string;
  readonly administratorEmail: string;
  /** Where administrators manage members. */
  readonly manageUrl: string;
}

/** Tells an organisation's administrators that another account proved itself through eHerkenning. */
export function administratorAdded(data: AdministratorAddedData, lang: Language): RenderedMail {
  if (lang === 'en') {
    return layout(lang, `New administrator for ${data.organisationName}`, [
      {
        paragraph: `${data.administratorName} (${data.administratorEmail}) logged in with eHerkenning level 3 for ${data.organisationName} (KvK ${data.kvkNumber}) and is now also an administrator of your organisation.`,
      },
      { paragraph: 'Not expected? Check the members of your organisation and remove rights where needed:' },
      { link: { href: data.manageUrl, label: 'Manage members' } },
    ]);
  }
  return layout(lang, `Nieuwe beheerder voor ${data.organisationName}`, [
    {
      paragraph: `${data.administratorName} (${data.administratorEmail}) heeft met eHerkenning niveau 3 ingelogd voor ${data.organisationName} (KvK ${data.kvkNumber}) en is nu ook beheerder van jouw organisatie.`,
    },
    { paragraph: 'Had je dit niet verwacht? Bekijk de leden van je organisatie en trek rechten in waar nodig:' },
    { link: { href: data.manageUrl, label: 'Leden beheren' } },
  ]);
}
