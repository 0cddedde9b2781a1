/**
 * What the publishing targets (WeChat, email) do alike to the sanitized, annotated tree: the look set as
 * inline styles by role, every class, id and data attribute dropped (nothing may depend on a stylesheet),
 * images a reader's client cannot load reported and replaced by their description, task-list boxes as text.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { visit, SKIP } from 'unist-util-visit';
import { PUBLISH_STYLES, REFERENCE_KIND_COLORS, type StyleRole } from './publishStyles';

/** Something that would reach readers broken (today: an image their client cannot load). */
export interface PublishProblem {
  kind: 'image';
  /** 1-based line in the source. */
  line: number;
  src: string;
}

export function classesOf(el: Element): string[] {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === 'string' ? c.split(/\s+/) : [];
}

/** A tag chip of annotate.ts, known by its data attribute or its class (whichever the chip keeps). */
export function isTagChip(el: Element): boolean {
  return el.tagName === 'span' && (el.properties.dataTag !== undefined || classesOf(el).includes('tag-chip'));
}

const HEADING_ROLES: Record<string, StyleRole> = { h1: 'h1', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' };
const TAG_ROLES: Record<string, StyleRole> = {
  p: 'p', a: 'a', ul: 'list', ol: 'list', li: 'li', blockquote: 'blockquote', pre: 'pre', img: 'img', hr: 'hr',
  table: 'table', th: 'cell', td: 'cell', strong: 'strong', b: 'strong', em: 'em', i: 'em',
};

function styleOf(el: Element, parent: Parents | undefined): string | undefined {
  if (isTagChip(el)) return PUBLISH_STYLES.tag;
  const classes = classesOf(el);
  if (el.tagName === 'span' && classes.includes('reference-kind')) {
    const kind = classes.find((c) => c.startsWith('reference-kind-'))?.slice('reference-kind-'.length);
    const color = kind ? REFERENCE_KIND_COLORS[kind] : undefined;
    return PUBLISH_STYLES.referenceKind + (color ? `border-color:${color};color:${color};` : '');
  }
  if (el.tagName === 'code') return parent?.type === 'element' && parent.tagName === 'pre' ? PUBLISH_STYLES.preCode : PUBLISH_STYLES.code;
  const role = HEADING_ROLES[el.tagName] ?? TAG_ROLES[el.tagName];
  return role ? PUBLISH_STYLES[role] : undefined;
}

/**
 * Sets each element's inline style from its role and drops what a stylesheet would hook on. An element
 * that already has a style was made by a target (the sanitizer lets no `style` through from the issue).
 */
export function applyInlineStyles(tree: Root): void {
  visit(tree, 'element', (el, _index, parent) => {
    if (typeof el.properties.style !== 'string') {
      const style = styleOf(el, parent);
      if (style) el.properties.style = style;
    }
    for (const key of Object.keys(el.properties)) {
      if (key === 'className' || key === 'id' || key === 'name' || /^data[A-Z]/.test(key)) delete el.properties[key];
    }
  });
}

/**
 * Images whose source `usable` does not turn into a URL the reader's client loads are reported and
 * replaced by their description in brackets, so the text still says what was there.
 */
export function checkImages(tree: Root, usable: (src: string) => string | undefined, missingLabel: string): PublishProblem[] {
  const problems: PublishProblem[] = [];
  visit(tree, 'element', (el, index, parent) => {
    if (el.tagName !== 'img' || !parent || index === undefined) return undefined;
    const src = typeof el.properties.src === 'string' ? el.properties.src : '';
    const url = src ? usable(src) : undefined;
    if (url) {
      el.properties.src = url;
      return undefined;
    }
    problems.push({ kind: 'image', line: el.position?.start.line ?? 0, src });
    const alt = typeof el.properties.alt === 'string' && el.properties.alt ? el.properties.alt : src;
    parent.children.splice(index, 1, element('span', PUBLISH_STYLES.imageMissing, [text(`[${missingLabel}: ${alt}]`)]));
    return [SKIP, index + 1];
  });
  return problems;
}

/** Task-list boxes as characters: an `<input>` is dropped by WeChat and drawn oddly by mail clients. */
export function checkboxesAsText(tree: Root): void {
  visit(tree, 'element', (el, index, parent) => {
    if (el.tagName !== 'input' || !parent || index === undefined) return undefined;
    parent.children.splice(index, 1, text(el.properties.checked ? '☑' : '☐'));
    return index;
  });
}

/** Footnote back-links (↩) point inside the page: gone with the anchors. */
export function isFootnoteBackref(el: Element): boolean {
  return el.tagName === 'a' && (el.properties.dataFootnoteBackref !== undefined || classesOf(el).includes('data-footnote-backref'));
}

/** Replaces an element by its children (a link by its text). */
export function unwrap(parent: Parents, index: number, el: Element): void {
  parent.children.splice(index, 1, ...(el.children as ElementContent[]));
}

export function element(tagName: string, style: string | undefined, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: style ? { style } : {}, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The text of a node (hand-written: five lines, where hast-util-to-string would be a new dependency). */
export function textOf(node: Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as ElementContent[]).map(textOf).join('') : '';
}
