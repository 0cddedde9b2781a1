import { matchesAny, normalizeName, type IssueLanguage, type LanguagePreset } from '../config/weeklyConfig';
import { memoize } from '../util/memo';

/** "Is this heading / field label one of the presets' names?", asked of every heading and field of an issue. */
export interface PresetNames {
  toc(text: string): boolean;
  references(text: string): boolean;
  summary(text: string): boolean;
  /** Headings that are not papers: summary, TOC, references. */
  notPaper(text: string): boolean;
  tagsField(text: string): boolean;
  /** The summary field's label, the issue's language first. */
  summaryField(language: IssueLanguage): (text: string) => boolean;
}

/**
 * The matchers of one presets object, made once and remembered with their answers: a long issue has
 * thousands of headings and fields, the same strings from one keystroke to the next, and each answer
 * normalizes the text (matchesAny) otherwise.
 */
export function presetNames(presets: Record<IssueLanguage, LanguagePreset>): PresetNames {
  let names = byPresets.get(presets);
  if (!names) {
    const both = [presets.zh, presets.en];
    const matcher = (list: string[]) => {
      const remembered = memoize((text: string) => matchesAny(text, list), 4_000);
      const longest = Math.max(0, ...list.map((n) => normalizeName(n).length));
      // Paper headings and titles are long and each one new: answered without remembering them (a
      // 1,000-issue index would fill the memo with strings seen once).
      return (text: string) => !tooLongFor(text, longest) && remembered(text);
    };
    const summaryFields = {
      zh: matcher([...presets.zh.summaryField, ...both.flatMap((p) => p.summaryField)]),
      en: matcher([...presets.en.summaryField, ...both.flatMap((p) => p.summaryField)]),
    };
    names = {
      toc: matcher(both.flatMap((p) => p.toc)),
      references: matcher(both.flatMap((p) => p.references)),
      summary: matcher(both.flatMap((p) => p.summary)),
      notPaper: matcher(both.flatMap((p) => [...p.summary, ...p.toc, ...p.references])),
      tagsField: matcher(both.flatMap((p) => p.tagsField)),
      summaryField: (language) => summaryFields[language],
    };
    byPresets.set(presets, names);
  }
  return names;
}

const byPresets = new WeakMap<Record<IssueLanguage, LanguagePreset>, PresetNames>();

/**
 * Whether `text` keeps more than `max` UTF-16 units after normalizeName, so that it matches no name of
 * that length: normalizeName lowercases (which never shortens a character) and drops markup, colons and
 * white space; every other unit stays. Counted without allocating: it is asked of every heading.
 */
export function tooLongFor(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!droppedByNormalize(text.charCodeAt(i)) && ++kept > max) return true;
  }
  return false;
}

/** normalizeName's `[*_`~:：\s]`, by code unit (`\s` as JavaScript reads it). */
function droppedByNormalize(c: number): boolean {
  if (c < 128) return c === 42 || c === 95 || c === 96 || c === 126 || c === 58 || c === 32 || (c >= 9 && c <= 13);
  return c === 0xff1a || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
