import { matchesAny, type IssueLanguage, type LanguagePreset } from '../config/weeklyConfig';
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
    const matcher = (list: string[]) => memoize((text: string) => matchesAny(text, list), 10_000);
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
