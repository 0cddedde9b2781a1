/**
 * The service's message catalog: messages follow the client's locale (LSP `initialize` sends `locale`).
 *
 * Each feature or rule registers its own messages next to its code, in both languages:
 *
 *   const messages = registerMessages({
 *     'toc.missingEntry': { en: 'No TOC entry links to "{name}".', zh: '目录中没有指向“{name}”的条目。' },
 *   });
 *   ...
 *   ctx.env.t?.(messages['toc.missingEntry'], { name }) // or t('toc.missingEntry', { name })
 *
 * and a service instance translates with the `t` made for its host's locale (see `createTranslator`).
 * Hand-written rather than a library (i18next, messageformat): two languages and `{name}` placeholders
 * are all the service needs, and the catalog must stay a pure, synchronous, dependency-free module.
 */

export type Locale = 'en' | 'zh-cn';
export type MessageArgs = Record<string, string | number>;
/** Translates a registered key; unknown keys come back as the key itself, so a gap is visible, never fatal. */
export type Translate = (key: string, args?: MessageArgs) => string;

export interface MessageEntry {
  en: string;
  zh: string;
}

const catalog = new Map<string, MessageEntry>();

/** Adds messages to the catalog and returns their keys (typed), so call sites can't misspell them. */
export function registerMessages<K extends string>(entries: Record<K, MessageEntry>): { [P in K]: P } {
  const keys = {} as { [P in K]: P };
  for (const key of Object.keys(entries) as K[]) {
    catalog.set(key, entries[key]);
    keys[key] = key;
  }
  return keys;
}

/** Every registered message (for the test that each has both languages). */
export function registeredMessages(): ReadonlyMap<string, MessageEntry> {
  return catalog;
}

/** VS Code sends `zh-cn`, `zh-CN`, `zh-tw`, `en`, `en-us`…: Chinese variants read the Chinese table. */
export function normalizeLocale(locale: string | undefined): Locale {
  return locale && /^zh([-_.]|$)/i.test(locale) ? 'zh-cn' : 'en';
}

export function format(template: string, args?: MessageArgs): string {
  if (!args) return template;
  // The template cut at its placeholders once (text, name, text, name, …, text): a check formats every
  // finding's message and fix titles again, hundreds per keystroke in a long issue.
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 2_000) templateParts.clear(); // a bound, should a caller ever pass its own text
    templateParts.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    out += (name in args ? String(args[name]) : `{${name}}`) + parts[i + 1];
  }
  return out;
}

/** Templates are the catalog's (a few hundred) or literal keys: cut once each. */
const templateParts = new Map<string, string[]>();

/** A `t` for one locale; `locale` may be a function so a host can learn it after the service is made. */
export function createTranslator(locale: string | (() => string | undefined) | undefined): Translate {
  let lastRequested: string | undefined;
  let lang = normalizeLocale(undefined);
  return (key, args) => {
    const entry = catalog.get(key);
    if (!entry) return format(key, args);
    const requested = typeof locale === 'function' ? locale() : locale;
    // Asked for every message of every check (thousands on a keystroke in a long issue): the last locale's answer is kept.
    if (requested !== lastRequested) {
      lastRequested = requested;
      lang = normalizeLocale(requested);
    }
    return format(lang === 'zh-cn' ? entry.zh : entry.en, args);
  };
}
