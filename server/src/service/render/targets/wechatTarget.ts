/**
 * The issue as WeChat's editor keeps it: every style inline, no anchors (the TOC is a plain numbered
 * list), each outside link as its text and a note mark [n] with a notes list at the end (WeChat shows no
 * outside links in an article's body), numbered as the 参考链接 where the link is a reference entry;
 * https images only; lists at most two levels deep.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import type { IssueModel } from '../../model/types';
import { defaultPresets, type LanguagePreset } from '../../config/weeklyConfig';
import { referenceSlotOf } from '../../links/paperLink';
import { referenceKindLabel, referenceKindOf, type ReferenceKind } from '../referenceKind';
import { PUBLISH_STYLES, REFERENCE_KIND_COLORS } from './publishStyles';
import {
  applyInlineStyles, checkboxesAsText, checkImages, element, isFootnoteBackref, text, textOf, unwrap,
  type PublishProblem,
} from './publishTree';

export interface Note {
  number: number;
  text: string;
  url: string;
  /** What the link leads to, where known: every reference entry, and other links to GitHub or a paper host. */
  kind?: ReferenceKind;
}

const LABELS = {
  zh: { notes: '注释', image: '图片' },
  en: { notes: 'Notes', image: 'Image' },
};

/** Restyles the tree for WeChat in place; returns the notes and the problems found. */
export function toWechat(tree: Root, model: IssueModel, preset: LanguagePreset = defaultPresets[model.language]): { notes: Note[]; problems: PublishProblem[] } {
  const labels = LABELS[model.language] ?? LABELS.en;
  const problems = checkImages(tree, (src) => (/^https:\/\//i.test(src) ? src : src.startsWith('//') ? 'https:' + src : undefined), labels.image);
  numberTocLists(tree, model);
  const notes = linksAsNotes(tree, model);
  flattenDeepLists(tree);
  checkboxesAsText(tree);
  if (notes.length) tree.children.push(notesSection(notes, labels.notes, preset));
  applyInlineStyles(tree);
  return { notes, problems };
}

/** A URL as the reference list and the links write it (percent-encoding differs between parsers). */
function urlKey(url: string): string {
  try {
    return decodeURI(url).trim();
  } catch {
    return url.trim();
  }
}

function linksAsNotes(tree: Root, model: IssueModel): Note[] {
  const byUrl = new Map<string, Note>();
  let highest = 0;
  for (const entry of model.references?.entries ?? []) {
    if (entry.number === undefined || !entry.url) continue;
    highest = Math.max(highest, entry.number);
    const key = urlKey(entry.url);
    if (!byUrl.has(key)) byUrl.set(key, { number: entry.number, text: entry.link?.text ?? entry.text, url: entry.url, kind: referenceKindOf(entry.url) });
  }
  const used = new Map<number, Note>();
  visit(tree, 'element', (el, index, parent) => {
    if (el.tagName !== 'a' || !parent || index === undefined) return undefined;
    if (isFootnoteBackref(el)) {
      parent.children.splice(index, 1);
      return index;
    }
    const href = typeof el.properties.href === 'string' ? el.properties.href : '';
    if (!/^(https?|mailto):/i.test(href)) {
      // In-page anchors (the TOC, footnotes) and links to other files: WeChat can follow neither.
      unwrap(parent, index, el);
      return index;
    }
    const key = urlKey(href);
    let note = byUrl.get(key);
    if (!note) {
      // Any page counts as a "project" to the link parser: outside the references, only GitHub and papers are sure.
      const slot = referenceSlotOf(href);
      note = { number: ++highest, text: textOf(el).trim(), url: href, kind: slot === 'project' ? undefined : slot };
      byUrl.set(key, note);
    }
    used.set(note.number, note);
    const mark = element('sup', PUBLISH_STYLES.noteMark, [text(`[${note.number}]`)]);
    parent.children.splice(index, 1, ...(el.children as ElementContent[]), mark);
    return [SKIP, index + el.children.length + 1];
  });
  return [...used.values()].sort((a, b) => a.number - b.number);
}

function notesSection(notes: Note[], heading: string, preset: LanguagePreset): Element {
  return element('section', undefined, [
    element('h3', PUBLISH_STYLES.notesHeading, [text(heading)]),
    ...notes.map((n) => element('p', PUBLISH_STYLES.note, [text(`[${n.number}] `), ...kindLabel(n, preset), text(`${n.text ? n.text + ': ' : ''}${n.url}`)])),
  ]);
}

/**
 * The note's kind (项目主页 / GitHub 仓库 / 论文链接, the preset's words) as a styled label, as the preview's
 * reference chips: only where the link text does not already say it ("FramePack 项目主页" needs none).
 */
function kindLabel(note: Note, preset: LanguagePreset): ElementContent[] {
  if (!note.kind) return [];
  const label = referenceKindLabel(note.kind, preset);
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, '');
  if (squash(note.text).includes(squash(label))) return [];
  const color = REFERENCE_KIND_COLORS[note.kind];
  return [element('span', PUBLISH_STYLES.referenceKind + `border-color:${color};color:${color};`, [text(label)]), text(' ')];
}

/** The TOC as a numbered list even when written with bullets (its links are gone, the numbers stay useful). */
function numberTocLists(tree: Root, model: IssueModel): void {
  const lists = model.toc?.lists ?? [];
  if (!lists.length) return;
  visit(tree, 'element', (el) => {
    if (el.tagName !== 'ul') return;
    const start = el.position?.start.offset;
    if (start !== undefined && lists.some((l) => l.start <= start && start < l.end)) el.tagName = 'ol';
  });
}

/**
 * Lists deeper than two levels (WeChat's editor flattens them unevenly): a third level becomes lines
 * in its item, each led by a dash.
 */
function flattenDeepLists(tree: Root): void {
  const walk = (node: Root | Element, depth: number) => {
    for (let i = 0; i < node.children.length; i++) {
      const child = node.children[i];
      if (child.type !== 'element') continue;
      const isList = child.tagName === 'ul' || child.tagName === 'ol';
      if (isList && depth >= 2) {
        const lines = child.children
          .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
          .map((li) => element('p', PUBLISH_STYLES.p, [text('– ' + textOf(li).trim())]));
        node.children.splice(i, 1, ...lines);
        i += lines.length - 1;
        continue;
      }
      walk(child, isList ? depth + 1 : depth);
    }
  };
  walk(tree, 0);
}
