import type { ErrorCode, Language, Right } from '@wij-techniek/onboarding-sdk';
import type { Translation } from '../../i18n/translation.js';

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

/** A partial {@link MembersTranslation}: what a page overrides through the `texts` property. */
export type MembersTextOverrides = { readonly [K in keyof MembersTranslation]?: Partial<MembersTranslation[K]> };

/** Overrides per language, for a page that speaks both: `{ nl: {…}, en: {…} }`. */
export type LanguageMembersTextOverrides = { readonly [L in Language]?: MembersTextOverrides };

/** The overrides for `lang`: its own entry when `texts` is keyed by language, else `texts` itself. */
export function membersOverridesFor(
  lang: Language,
  texts: MembersTextOverrides | LanguageMembersTextOverrides | undefined,
): MembersTextOverrides | undefined {
  if (!texts || typeof texts !== 'object') return undefined;
  if ('nl' in texts || 'en' in texts) return texts[lang];
  return texts as MembersTextOverrides;
}

/** `table` with `overrides` merged over it one group deep; only strings replace texts (they may come from JSON). */
export function mergeMembersTexts(
  table: MembersTranslation,
  overrides: MembersTextOverrides | undefined,
): MembersTranslation {
  if (!overrides || typeof overrides !== 'object') return table;
  const merged: Record<string, unknown> = { ...table };
  for (const [group, texts] of Object.entries(overrides)) {
    const base = merged[group];
    if (!base || typeof base !== 'object' || !texts || typeof texts !== 'object') continue;
    const strings = Object.entries(texts).filter(([, value]) => typeof value === 'string');
    merged[group] = { ...base, ...Object.fromEntries(strings) };
  }
  return merged as unknown as MembersTranslation;
}
