/** The Markdown an issue of each language writes for a paper: heading, fields, TOC and reference lines. */
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import type { LinkKind, PaperLinks } from './links';
import { LINK_KINDS } from './links';
import { withDraftMarker } from '../model/summaryDraft';

/** Where the editor puts the paper's figure; left empty so the preview shows no broken picture meanwhile. */
export const IMAGE_PLACEHOLDER = '';

export interface PaperText {
  name: string;
  title?: string;
  summary?: string;
  /** Mark the summary as a lookup's draft (summaryDraft.ts). */
  summaryDraft?: boolean;
  image?: string;
  tags: string[];
}

/** The heading's text: `名称：标题` in Chinese issues (full-width colon), `Name: Title` in English ones. */
export function headingText(language: IssueLanguage, name: string, title?: string): string {
  if (!title) return name;
  return language === 'zh' ? `${name}：${title}` : `${name}: ${title}`;
}

/** A field line's start up to where its value goes: `**概要**：`, `**Summary**: `. */
export function fieldPrefix(language: IssueLanguage, label: string): string {
  return language === 'zh' ? `**${label}**：` : `**${label}**: `;
}

export function tagLine(tags: readonly string[]): string {
  return tags.map((t) => `#${t}`).join(' ');
}

export interface SectionText {
  text: string;
  /** Where the summary's value starts and ends inside `text` (the cursor goes there). */
  summaryStart: number;
  summaryEnd: number;
}

/** A whole `##` paper section, ending with a blank line (and `---` when the issue separates papers so). */
export function paperSection(language: IssueLanguage, preset: LanguagePreset, paper: PaperText, separator: boolean): SectionText {
  const figure = language === 'zh' ? `${paper.name} 图` : `${paper.name} figure`;
  const head = [`## ${headingText(language, paper.name, paper.title)}`, '', `![${figure}](${paper.image ? destination(paper.image) : IMAGE_PLACEHOLDER})`, '', ''].join('\n');
  const summaryPrefix = fieldPrefix(language, preset.summaryField[0]);
  const summary = paper.summary ? (paper.summaryDraft ? withDraftMarker(paper.summary) : paper.summary) : '';
  const tail = ['', '', fieldPrefix(language, preset.tagsField[0]) + tagLine(paper.tags), '', ...(separator ? ['---', ''] : []), ''].join('\n');
  const summaryStart = head.length + summaryPrefix.length;
  return { text: head + summaryPrefix + summary + tail, summaryStart, summaryEnd: summaryStart + summary.length };
}

/** The reference entries' link texts: `FramePack 项目主页`, `FramePack GitHub`, in project, GitHub, paper order. */
export function referenceLines(preset: LanguagePreset, name: string, links: PaperLinks): Array<{ kind: LinkKind; text: string; url: string }> {
  return LINK_KINDS.filter((k) => links[k]).map((kind) => ({ kind, text: `${name} ${preset.referenceKinds[kind]}`, url: links[kind]! }));
}

/** A link destination as written: `<…>` when it has spaces or parentheses that would end it early. */
export function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, (c) => encodeURIComponent(c))}>` : url;
}

/** Headings of the sections an issue needs, when the command has to create them. */
export function tocHeadingLine(preset: LanguagePreset): string {
  return `## ${preset.toc[0]}`;
}

export function referencesHeadingLine(preset: LanguagePreset): string {
  return `### **${preset.references[0]}**`;
}
