import type { Language } from '@wij-techniek/onboarding-sdk';

/** `T` with every text optional, to any depth: `verified.right.administer` can be replaced alone. */
export type PartialTexts<T> = {
  readonly [K in keyof T]?: T[K] extends string | undefined ? string : PartialTexts<T[K]>;
};

/**
 * Overrides as a page gives them: keys of the table apply to every language; an `nl` or `en` key holds the
 * overrides of that language only, which win over the shared ones.
 */
export type LanguagePartialTexts<T> = PartialTexts<T> & { readonly [L in Language]?: PartialTexts<T> };

/** A plain object (from JSON or a script), not an array or a text. */
function isGroup(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The overrides for `lang`, as one tree: the keys other than `nl`/`en` (for every language) with the language's
 * own entry merged over them. A page may mix both: `{ start: {…}, en: { start: {…} } }`.
 */
export function overridesFor<T>(lang: Language, texts: LanguagePartialTexts<T> | undefined): PartialTexts<T> {
  if (!isGroup(texts)) return {};
  const { nl, en, ...shared } = texts as Readonly<Record<string, unknown>>;
  const own = lang === 'en' ? en : nl;
  return combine(shared, isGroup(own) ? own : {}) as PartialTexts<T>;
}

/** `over` merged over `under`, to any depth (both are overrides, unchecked). */
function combine(
  under: Readonly<Record<string, unknown>>,
  over: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const below = merged[key];
    merged[key] = isGroup(below) && isGroup(value) ? combine(below, value) : value;
  }
  return merged;
}

/**
 * `table` with `overrides` merged over it, to any depth: each group keeps the texts it does not override.
 * Overrides may come from a JSON attribute a web editor typed, so only a string replaces a text and only an object
 * a group; anything else, and any key the table does not have, is ignored (see {@link unknownTexts}).
 */
export function mergeTexts<T extends object>(table: T, overrides: PartialTexts<T> | undefined): T {
  return mergeGroup(table as Readonly<Record<string, unknown>>, overrides) as T;
}

function mergeGroup(table: Readonly<Record<string, unknown>>, overrides: unknown): Readonly<Record<string, unknown>> {
  if (!isGroup(overrides)) return table;
  const merged: Record<string, unknown> = { ...table };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(table, key)) continue;
    const base = table[key];
    if (typeof base === 'string' && typeof value === 'string') merged[key] = value;
    else if (isGroup(base) && isGroup(value)) merged[key] = mergeGroup(base, value);
  }
  return merged;
}

/**
 * The key paths of `texts` (`start.acton`, `en.verified.right.x`) that name no text of any of `tables`, or give a
 * group where a text is (or a text where a group is): what {@link mergeTexts} ignores, so a typo can be reported.
 */
export function unknownTexts(texts: unknown, tables: readonly object[]): string[] {
  if (!isGroup(texts)) return [];
  const { nl, en, ...shared } = texts;
  const found = walk(shared, tables, '');
  for (const [lang, own] of [
    ['nl', nl],
    ['en', en],
  ] as const) {
    if (own === undefined) continue;
    if (isGroup(own)) found.push(...walk(own, tables, `${lang}.`));
    else found.push(lang);
  }
  return found;
}

function walk(overrides: Readonly<Record<string, unknown>>, tables: readonly unknown[], prefix: string): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const path = `${prefix}${key}`;
    const bases = tables.filter(isGroup).map((table) => (Object.hasOwn(table, key) ? table[key] : undefined));
    if (typeof value === 'string') {
      if (!bases.some((base) => typeof base === 'string')) found.push(path);
    } else if (isGroup(value)) {
      const groups = bases.filter(isGroup);
      if (groups.length === 0) found.push(path);
      else found.push(...walk(value, groups, `${path}.`));
    } else {
      found.push(path);
    }
  }
  return found;
}

const warned = new Set<string>();

/** Warns once per element and key path about overrides that name no text, so a typo is noticed. */
export function warnUnknownTexts(tag: string, texts: unknown, tables: readonly object[]): void {
  for (const path of unknownTexts(texts, tables)) {
    const key = `${tag} ${path}`;
    if (warned.has(key)) continue;
    warned.add(key);
    console.warn(`<${tag}>: texts has "${path}", which names no text; it is ignored. A typo?`);
  }
}
