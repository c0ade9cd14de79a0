import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '@wij-techniek/onboarding-sdk';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import type { LanguageTextOverrides, TextOverrides, Translation } from '../i18n/translation.js';

/** The built-in tables; Dutch is the default. */
export const TRANSLATIONS: Readonly<Record<Language, Translation>> = { nl, en };

/** What the localize controller needs of its host. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** Texts that replace the built-in ones, merged over the language's table. */
  texts: TextOverrides | LanguageTextOverrides | undefined;
}

const hosts = new Set<LocalizeHost>();
let observer: MutationObserver | undefined;

/** Maps a BCP 47 tag to a language we speak: `en-GB` → `en`; anything unknown → `nl`. */
export function toLanguage(tag: string | null | undefined): Language {
  const primary = (tag ?? '').trim().toLowerCase().split('-')[0];
  return primary === 'en' ? 'en' : 'nl';
}

/**
 * Picks the language from `lang` on the element or its closest ancestor (the `<html>` element of a CMS page
 * usually), and the texts of that language with the page's overrides merged over them. Follows changes of any
 * `lang` attribute in the document, as Shoelace's localize controller does.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: LocalizeHost;
  #cache: { lang: Language; texts: LocalizeHost['texts']; table: Translation } | undefined;

  constructor(host: LocalizeHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The language in force. */
  get lang(): Language {
    const tagged = this.#host.closest('[lang]');
    return toLanguage(tagged ? tagged.getAttribute('lang') : document.documentElement.lang);
  }

  /** The texts in force: the language's table with the host's `texts` merged over it. */
  get t(): Translation {
    const lang = this.lang;
    const texts = this.#host.texts;
    if (this.#cache?.lang !== lang || this.#cache.texts !== texts) {
      this.#cache = { lang, texts, table: merge(TRANSLATIONS[lang], overridesFor(lang, texts)) };
    }
    return this.#cache.table;
  }

  hostConnected(): void {
    hosts.add(this.#host);
    if (!observer) {
      observer = new MutationObserver(() => {
        for (const host of hosts) host.requestUpdate();
      });
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}

/** The overrides for `lang`: its own entry when `texts` is keyed by language, else `texts` itself. */
function overridesFor(lang: Language, texts: LocalizeHost['texts']): TextOverrides | undefined {
  if (!texts || typeof texts !== 'object') return undefined;
  if ('nl' in texts || 'en' in texts) return texts[lang];
  return texts as TextOverrides;
}

/**
 * The table with `overrides` merged over it, one level deep (each group keeps the keys it does not override).
 * Overrides may come from a JSON attribute a web editor typed: only strings replace texts, anything else is ignored.
 */
export function merge(table: Translation, overrides: TextOverrides | undefined): Translation {
  const merged: Record<string, unknown> = { ...table };
  for (const [group, texts] of Object.entries(overrides ?? {})) {
    const base = merged[group];
    if (typeof base === 'object' && texts && typeof texts === 'object') {
      const strings = Object.entries(texts).filter(([, text]) => typeof text === 'string');
      merged[group] = { ...base, ...Object.fromEntries(strings) };
    }
  }
  return merged as unknown as Translation;
}
