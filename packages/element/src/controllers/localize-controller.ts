import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Language } from '@wij-techniek/onboarding-sdk';
import { en } from '../i18n/en.js';
import { nl } from '../i18n/nl.js';
import type { Translation } from '../i18n/translation.js';
import { type LanguagePartialTexts, mergeTexts, overridesFor, warnUnknownTexts } from './text-overrides.js';

/** The built-in tables; Dutch is the default. */
export const TRANSLATIONS: Readonly<Record<Language, Translation>> = { nl, en };

/** What the localize controller needs of its host. */
export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** Texts that replace the built-in ones, merged over the language's table. */
  texts: LanguagePartialTexts<Translation> | undefined;
}

/** What a host may tell the controller besides itself. */
export interface LocalizeOptions {
  /**
   * The host's own table of texts for `lang`, when its `texts` may also name those (`<wt-organisation-members>`):
   * a key path is reported as a typo only when it names a text of neither table.
   */
  readonly ownTable?: (lang: Language) => object;
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
  readonly #options: LocalizeOptions;
  #cache: { lang: Language; texts: LocalizeHost['texts']; table: Translation } | undefined;

  constructor(host: LocalizeHost, options: LocalizeOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The language in force. */
  get lang(): Language {
    const tagged = this.#host.closest('[lang]');
    return toLanguage(tagged ? tagged.getAttribute('lang') : document.documentElement.lang);
  }

  /**
   * The texts in force: the language's table with the host's `texts` merged over it, to any depth — the keys
   * outside `nl`/`en` for every language, the language's own keys over them. A key path that names no text is
   * reported once on the console (a typo would otherwise leave the built-in text without a word).
   */
  get t(): Translation {
    const lang = this.lang;
    const texts = this.#host.texts;
    if (this.#cache?.lang !== lang || this.#cache.texts !== texts) {
      const own = this.#options.ownTable?.(lang);
      warnUnknownTexts(this.#host.localName, texts, own ? [TRANSLATIONS[lang], own] : [TRANSLATIONS[lang]]);
      this.#cache = { lang, texts, table: mergeTexts(TRANSLATIONS[lang], overridesFor(lang, texts)) };
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
