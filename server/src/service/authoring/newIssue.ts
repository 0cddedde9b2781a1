/** "New Weekly Issue": the text of an empty issue, and the path it goes to from the path pattern. */
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import { referencesHeadingLine, tocHeadingLine } from './entryText';

export interface NewIssueOptions {
  language: IssueLanguage;
  preset: LanguagePreset;
  /** The issue's title; a placeholder title when empty. */
  title?: string;
}

/**
 * An issue with the parts every issue has: title, cover, summary, TOC and reference-list headings,
 * separated by `---` as the sample issues are. It is a weekly issue by shape (TOC and reference headings),
 * so "New Paper Entry" fills it in.
 */
export function newIssueText(options: NewIssueOptions): string {
  const { language, preset } = options;
  const zh = language === 'zh';
  const title = options.title?.trim() || (zh ? '本期标题【AI周报】' : 'This Week in AI Papers【AI Weekly】');
  return [
    `# ${title}`,
    '',
    `![${zh ? '封面' : 'Cover'}]()`,
    '',
    `## ${preset.summary[0]}`,
    '',
    zh ? '本周亮点：' : 'This week:',
    '',
    '---',
    '',
    tocHeadingLine(preset),
    '',
    '---',
    '',
    referencesHeadingLine(preset),
    '',
  ].join('\n');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Fills a path pattern such as `issues/{yyyy}-{mm}-{dd}.md` for a date; `{ww}` is the ISO week number.
 * Hand-written: four placeholders don't justify a date-formatting dependency.
 */
export function newIssuePath(pattern: string, date: Date): string {
  const values: Record<string, string> = {
    yyyy: String(date.getFullYear()),
    mm: pad(date.getMonth() + 1),
    dd: pad(date.getDate()),
    ww: pad(isoWeek(date)),
  };
  return pattern.replace(/\{(yyyy|mm|dd|ww)\}/g, (_, key: string) => values[key]);
}

function isoWeek(date: Date): number {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
}
