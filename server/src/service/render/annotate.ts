/**
 * The trusted pass after the sanitizer: what the issue model knows goes onto the sanitized tree. Nodes are
 * matched to the model by their source offsets (both count UTF-16 units into the same text), so raw HTML
 * that imitates a heading or a tag never receives what belongs to the Markdown one.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import type { LanguagePreset } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import { referenceKindLabel, referenceKindOf } from './referenceKind';
import { issueTranslator, RM } from './renderMessages';
import type { Translate } from '../util/l10n';

export interface RenderFinding {
  code: string;
  start: number;
  end: number;
  message: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

export interface AnnotateOptions {
  model: IssueModel;
  preset: LanguagePreset;
  /** Findings to mark on links (broken anchors); empty to mark none. */
  findings: readonly RenderFinding[];
  /** Rewrites an image source (to a webview URI, a path relative to an export); undefined blocks it. */
  imageSrc?: (src: string) => string | undefined;
}

const BLOCKS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'tr', 'hr',
  'div', 'details', 'figure', 'dl', 'dt', 'dd', 'section',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Codes whose finding sits on a `#fragment` link and is shown on it. */
export const ANCHOR_CODES = new Set(['toc-broken-anchor', 'broken-anchor', 'anchor-case']);
const PREFIX = 'user-content-';

export function annotate(tree: Root, options: AnnotateOptions): void {
  const { model } = options;
  const headingByStart = new Map(model.headings.map((hd) => [hd.start, hd]));
  const referenceByStart = new Map((model.references?.entries ?? []).map((e) => [e.item.start, e]));
  const tags = model.fields.flatMap((f) => f.tags);
  const linkFindings = findingsByLinkStart(options);
  const ids = new Set<string>();
  const anchorsToCheck: Element[] = [];

  visit(tree, (node, index, parent) => {
    if (node.type === 'text' && parent && index !== undefined && tags.length) {
      const parts = splitTags(node, tags);
      if (parts) {
        parent.children.splice(index, 1, ...parts);
        return [SKIP, index + parts.length];
      }
      return undefined;
    }
    if (node.type !== 'element') return undefined;
    const el = node;
    const start = el.position?.start.offset;
    if (el.position && BLOCKS.has(el.tagName)) el.properties.dataLine = el.position.start.line - 1;

    const heading = start !== undefined && HEADINGS.has(el.tagName) ? headingByStart.get(start) : undefined;
    if (heading) el.properties.id = heading.slug;
    if (typeof el.properties.id === 'string') ids.add(el.properties.id);
    if (el.tagName === 'a' && typeof el.properties.name === 'string') ids.add(el.properties.name);

    if (el.tagName === 'li' && start !== undefined) {
      const ref = referenceByStart.get(start);
      if (ref) markReference(el, ref.url, options.preset);
    }
    if (el.tagName === 'a') {
      anchorsToCheck.push(el);
      const finding = start !== undefined ? linkFindings.get(start) : undefined;
      if (finding) markBrokenAnchor(el, finding);
    }
    if (el.tagName === 'img') rewriteImage(el, options.imageSrc, issueTranslator(model));
    return undefined;
  });

  // Ids and names from raw HTML and footnotes stay clobbered (`user-content-x`: no document can shadow a
  // global by naming an element); a `#x` link that the checker resolves to such an anchor follows it here.
  // Heading ids are the model's slugs unprefixed, so TOC links land exactly as the checker predicts; a
  // slug can still name a window property, which is why the preview's script reads no implicit globals.
  for (const a of anchorsToCheck) {
    const href = a.properties.href;
    if (typeof href !== 'string' || !href.startsWith('#')) continue;
    const fragment = safeDecode(href.slice(1));
    if (!ids.has(fragment) && ids.has(PREFIX + fragment)) a.properties.href = '#' + PREFIX + fragment;
  }
}

function findingsByLinkStart(options: AnnotateOptions): Map<number, RenderFinding> {
  const out = new Map<number, RenderFinding>();
  for (const f of options.findings) {
    if (!ANCHOR_CODES.has(f.code)) continue;
    const link = options.model.links.find((l) => l.fragment !== undefined && l.start <= f.start && f.end <= l.end);
    if (link && !out.has(link.start)) out.set(link.start, f);
  }
  return out;
}

function markBrokenAnchor(a: Element, finding: RenderFinding): void {
  a.properties.className = ['anchor-problem', `anchor-problem-${finding.severity}`];
  a.properties.title = finding.message;
  a.properties.dataCode = finding.code;
}

function markReference(li: Element, url: string, preset: LanguagePreset): void {
  const kind = referenceKindOf(url);
  li.properties.className = [...classList(li), 'reference', `reference-${kind}`];
  li.properties.dataKind = kind;
  // The chip only where it adds something: not when the link text already says the kind ("FramePack 项目主页").
  if (normalized(toText(li)).includes(normalized(referenceKindLabel(kind, preset)))) return;
  const badge = h('span', { className: ['reference-kind', `reference-kind-${kind}`] }, referenceKindLabel(kind, preset));
  // The badge goes first inside the entry's paragraph when the item is loose, so it stays on the line.
  const first = li.children.find((c): c is Element => c.type === 'element');
  const host = first && first.tagName === 'p' ? first : li;
  host.children.unshift(badge, { type: 'text', value: ' ' });
}

function classList(el: Element): string[] {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** Splits a text node around the model's tags that lie inside it; undefined when it holds none. */
function splitTags(node: Text, tags: readonly { name: string; start: number; end: number }[]): ElementContent[] | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const inside = tags.filter((t) => t.start >= start && t.end <= end);
  if (inside.length === 0) return undefined;
  const out: ElementContent[] = [];
  let cursor = 0;
  for (const tag of inside) {
    // The text node's value equals its source only without escapes or entities; otherwise leave it be.
    const at = tag.start - start;
    if (node.value.slice(at, at + tag.end - tag.start) !== '#' + tag.name || at < cursor) return undefined;
    if (at > cursor) out.push({ type: 'text', value: node.value.slice(cursor, at) });
    out.push(h('span', { className: ['tag-chip'], dataTag: tag.name }, '#' + tag.name));
    cursor = at + tag.end - tag.start;
  }
  if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
  return out;
}

/** `t` is the issue's language: the placeholder is read with the issue (a zh issue gets zh words). */
function rewriteImage(img: Element, imageSrc: AnnotateOptions['imageSrc'], t: Translate): void {
  const src = img.properties.src;
  const alt = typeof img.properties.alt === 'string' ? img.properties.alt : '';
  // No path yet (`![SAM 2 图]()`, as New Paper Entry writes it): a placeholder saying so, not an empty box.
  if (typeof src !== 'string' || !src.trim()) return placeholder(img, alt, t(RM['render.image.noPath']));
  if (!imageSrc) return;
  const rewritten = imageSrc(src);
  if (rewritten !== undefined) {
    img.properties.src = rewritten;
    return;
  }
  // Blocked (remote images off, outside the workspace): say so where the image would be.
  placeholder(img, alt || src, t(RM['render.image.blocked']), src);
}

/** Turns an image into a box that says what it is and why it is not shown (the browser's broken icon says neither). */
function placeholder(img: Element, what: string, reason: string, src?: string): void {
  img.tagName = 'span';
  img.properties = { className: ['image-placeholder'], role: 'img', ariaLabel: `${what}: ${reason}`, ...(src ? { title: src } : {}) };
  img.children = [h('span', { className: ['image-placeholder-name'] }, what), { type: 'text', value: ' — ' + reason }];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An element's text (hast-util-to-string is not a dependency; these few lines do what the chip test needs). */
function toText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => toText(c as ElementContent)).join('') : '';
}

function normalized(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '');
}
