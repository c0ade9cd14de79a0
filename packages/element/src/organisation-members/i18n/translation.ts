import type { ErrorCode, Language, Right } from '@wij-techniek/onboarding-sdk';
import type { Translation } from '../../i18n/translation.js';
import {
  type LanguagePartialTexts,
  mergeTexts,
  overridesFor,
  type PartialTexts,
} from '../../controllers/text-overrides.js';

/**
 * Every text `<wt-organisation-members>` shows, for one language. Placeholders in braces are filled in when shown:
 * `{organisation}`, `{name}`, `{email}`, `{date}`, `{count}`, `{minutes}`, `{hours}`. Shared texts (loading, busy, retry) and the messages
 * of error codes this table does not name come from `<wt-onboarding>`'s tables, so one vocabulary serves both.
 */
export interface MembersTranslation {
  readonly members: {
    readonly heading: string;
    readonly organisation: string;
    readonly listHeading: string;
    readonly you: string;
    readonly email: string;
    readonly rights: string;
    readonly noRights: string;
    readonly edit: string;
    /** Said after `edit` to screen readers only, naming the member. */
    readonly editContext: string;
    readonly editRightsOf: string;
    readonly save: string;
    readonly cancel: string;
    readonly remove: string;
    /** Said after `remove` to screen readers only, naming the member. */
    readonly removeContext: string;
    readonly confirmRemove: string;
    readonly confirmRemoveSelf: string;
    readonly confirm: string;
    readonly saved: string;
    readonly removed: string;
    readonly removedSelf: string;
    readonly notAdministrator: string;
    readonly yourRights: string;
    readonly loadFailed: string;
    readonly switchOrganisation: string;
  };
  readonly invitations: {
    readonly heading: string;
    readonly none: string;
    readonly expires: string;
    readonly expired: string;
    readonly withdraw: string;
    /** Said after `withdraw` to screen readers only, naming the address. */
    readonly withdrawContext: string;
    readonly withdrawn: string;
  };
  readonly invite: {
    readonly heading: string;
    readonly intro: string;
    readonly email: string;
    readonly emailHint: string;
    readonly rights: string;
    readonly rightsHint: string;
    readonly action: string;
    readonly sent: string;
  };
  /** The label of each right, as the person knows it. */
  readonly rightLabels: Readonly<Record<Right, string>>;
  /** Messages for the error codes people meet here, said for this screen; others fall back to `<wt-onboarding>`'s. */
  readonly errors: Readonly<Partial<Record<ErrorCode, string>>>;
  /**
   * `rate_limited` (too many invitations) when the answer said how long to wait, instead of `errors.rate_limited`:
   * `{minutes|…}` under an hour, `{hours|…}` from an hour on, rounded up, as `<wt-onboarding>`'s `rateLimited`.
   */
  readonly rateLimited: Translation['rateLimited'];
}

/** A partial {@link MembersTranslation}, to any depth: what a page overrides through the `texts` property. */
export type MembersTextOverrides = PartialTexts<MembersTranslation>;

/**
 * Overrides with a language key: `{ invite: {…}, en: { invite: {…} } }`. Keys outside `nl`/`en` apply to every
 * language; the language's own keys win over them.
 */
export type LanguageMembersTextOverrides = LanguagePartialTexts<MembersTranslation>;

/** The overrides for `lang`: the keys for every language with the language's own merged over them. */
export function membersOverridesFor(
  lang: Language,
  texts: MembersTextOverrides | LanguageMembersTextOverrides | undefined,
): MembersTextOverrides {
  return overridesFor<MembersTranslation>(lang, texts);
}

/**
 * `table` with `overrides` merged over it, to any depth; only strings replace texts (they may come from JSON).
 * Keys it does not have are left to `<wt-onboarding>`'s table (shared and error texts) and reported there.
 */
export function mergeMembersTexts(
  table: MembersTranslation,
  overrides: MembersTextOverrides | undefined,
): MembersTranslation {
  return mergeTexts(table, overrides);
}
