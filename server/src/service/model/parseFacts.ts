import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import type { Nodes, Parents, PhrasingContent, Root, List, ListItem, Heading, Paragraph } from 'mdast';
import type { FieldFact, LinkFact, ListFact, ListItemFact, SectionFacts, TagFact } from './facts';
import { scanHtml } from './htmlScan';
import { findTags } from './tags';

const micromarkExtensions = [gfm(), frontmatter(['yaml'])];
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])];

/** Parses Markdown with a CommonMark + GFM parser (micromark, as remark uses) into an mdast tree. */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
}

/**
 * Parses a piece of Markdown and extracts its facts. Only nodes that start in [from, limit) are kept:
 * text around it (definitions added so that references resolve) was parsed but is not the piece's own.
 * Offsets stay offsets into `text`.
 */
export function parseFacts(text: string, limit = text.length, from = 0): SectionFacts {
  return extractFacts(parseMarkdown(text), text, limit, from);
}

export function extractFacts(root: Root, text: string, limit = text.length, from = 0): SectionFacts {
  const facts: SectionFacts = {
    headings: [],
    links: [],
    definitions: [],
    htmlIds: [],
    lists: [],
    fields: [],
    footnoteRefs: [],
    footnoteDefs: [],
    plainRuns: [],
  };
  const startOf = (n: Nodes) => n.position?.start.offset ?? 0;
  const endOf = (n: Nodes) => n.position?.end.offset ?? 0;

  const visit = (node: Nodes, listDepth: number): void => {
    if (node.type !== 'root') {
      // Nodes made by transforms (GFM's `www.` autolinks) may have no position: nothing to point at.
      if (!node.position || node.position.start.offset === undefined) return;
      if (startOf(node) >= limit || startOf(node) < from) return;
    }
    switch (node.type) {
      case 'yaml':
        if (startOf(node) === 0) facts.frontMatter = node.value;
        return;
      case 'code':
      case 'inlineCode':
        return;
      case 'html':
        htmlFacts(node.value, startOf(node), endOf(node), text, facts);
        return;
      case 'heading':
        facts.headings.push(headingFact(node, text));
        break;
      case 'paragraph':
        paragraphField(node, text, facts.fields);
        break;
      case 'list':
      {
        const list = listFact(node, text, listDepth);
        facts.lists.push(list);
        node.children.forEach((item, i) => {
          const [first, ...rest] = item.children;
          const before = facts.links.length;
          if (first) visit(first, listDepth + 1);
          if (first?.type === 'paragraph') {
            const own = facts.links.findIndex((l, k) => k >= before && l.kind !== 'image');
            if (own >= 0) list.items[i].firstLink = own;
          }
          for (const child of rest) visit(child, listDepth + 1);
        });
        return;
      }
      case 'link': {
        facts.links.push(linkFact(node, text));
        break;
      }
      case 'linkReference':
        facts.links.push({
          kind: 'reference',
          url: '',
          label: node.identifier,
          text: plainText(node),
          start: startOf(node),
          end: endOf(node),
          ...bracketText(node, text),
        });
        break;
      case 'image':
        facts.links.push({ kind: 'image', url: node.url, text: node.alt ?? '', start: startOf(node), end: endOf(node) });
        return;
      case 'imageReference':
        facts.links.push({
          kind: 'image',
          url: '',
          label: node.identifier,
          text: node.alt ?? '',
          start: startOf(node),
          end: endOf(node),
        });
        return;
      case 'definition': {
        const dest = definitionDestination(text, startOf(node), endOf(node));
        facts.definitions.push({
          label: node.label ?? node.identifier,
          identifier: node.identifier,
          url: node.url,
          start: startOf(node),
          end: endOf(node),
          ...dest,
        });
        return;
      }
      case 'footnoteReference':
        facts.footnoteRefs.push({
          identifier: node.identifier,
          label: node.label ?? node.identifier,
          start: startOf(node),
          end: endOf(node),
        });
        return;
      case 'footnoteDefinition':
        facts.footnoteDefs.push({
          identifier: node.identifier,
          label: node.label ?? node.identifier,
          start: startOf(node),
          end: endOf(node),
        });
        break;
      case 'text':
        if (node.value.includes('[') && node.value.includes(']')) {
          facts.plainRuns.push({ value: node.value, start: startOf(node) });
        }
        return;
    }
    if ('children' in node) visitChildren(node, listDepth);
  };
  const visitChildren = (node: Parents, listDepth: number) => {
    for (const child of node.children) visit(child as Nodes, listDepth);
  };
  visit(root, 0);
  return facts;
}

/** Ids and `#` links in raw HTML, at their offsets in the source. */
function htmlFacts(html: string, start: number, end: number, text: string, facts: SectionFacts): void {
  // Inside a list or quote the parser strips line prefixes from the value: then find each value in the source.
  const verbatim = text.slice(start, end) === html;
  let searchFrom = start;
  for (const attr of scanHtml(html)) {
    let at = start + attr.index;
    if (!verbatim) {
      const found = text.indexOf(attr.value, searchFrom);
      if (found < 0 || found >= end) continue;
      at = found;
    }
    searchFrom = at + attr.value.length;
    if (attr.kind === 'id') facts.htmlIds.push({ id: attr.value, start: at, end: at + attr.value.length });
    else if (attr.onAnchor && attr.value.startsWith('#')) {
      facts.links.push({ kind: 'html', url: attr.value, text: '', start: at, end: at + attr.value.length, destStart: at, destEnd: at + attr.value.length });
    }
  }
}

/** The text of inline content as GitHub renders it: no markup, no images, no raw HTML. */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    case 'break':
      return ' ';
    default:
      if ('children' in node) {
        let out = '';
        for (const child of node.children) out += plainText(child as Nodes);
        return out;
      }
      return '';
  }
}

function headingFact(node: Heading, text: string) {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const setext = !/^ {0,3}#/.test(text.slice(start, start + 10));
  return {
    level: node.depth,
    text: plainText(node).trim(),
    start,
    end,
    contentStart: first?.position?.start.offset ?? end,
    contentEnd: last?.position?.end.offset ?? end,
    setext,
  };
}

/** Where the link text sits between the brackets of `[text](…)` or `[text][label]`. */
function bracketText(node: Parents, text: string): { textStart?: number; textEnd?: number } {
  const start = node.position!.start.offset!;
  if (text.charCodeAt(start) !== 91 /* [ */) return {};
  const last = node.children[node.children.length - 1] as Nodes | undefined;
  const textEnd = last?.position?.end.offset ?? start + 1;
  return { textStart: start + 1, textEnd };
}

function linkFact(node: Extract<Nodes, { type: 'link' }>, text: string): LinkFact {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const base = { url: node.url, text: plainText(node), start, end };
  const brackets = bracketText(node, text);
  if (brackets.textEnd === undefined) {
    // `<https://…>` or a bare GFM autolink: the destination is the text itself.
    const bracketed = text.charCodeAt(start) === 60; /* < */
    return { kind: 'autolink', ...base, destStart: start + (bracketed ? 1 : 0), destEnd: end - (bracketed ? 1 : 0) };
  }
  return { kind: 'inline', ...base, ...brackets, ...inlineDestination(text, brackets.textEnd, end) };
}

/**
 * Locates the destination of an inline link `[text](dest "title")` in the source, from the end of
 * its text. The parser gives the decoded URL but not where it is written, which quick fixes need.
 */
function inlineDestination(text: string, textEnd: number, end: number): { destStart?: number; destEnd?: number } {
  let i = textEnd;
  if (text.charCodeAt(i) !== 93 /* ] */ || text.charCodeAt(i + 1) !== 40 /* ( */) return {};
  i += 2;
  while (i < end && /\s/.test(text[i])) i++;
  if (text.charCodeAt(i) === 60 /* < */) {
    const close = text.indexOf('>', i + 1);
    return close < 0 || close > end ? {} : { destStart: i + 1, destEnd: close };
  }
  let j = i;
  let depth = 0;
  while (j < end) {
    const c = text[j];
    if (c === '\\') { j += 2; continue; }
    if (c === '(') depth++;
    else if (c === ')') { if (depth === 0) break; depth--; }
    else if (/\s/.test(c)) break;
    j++;
  }
  return { destStart: i, destEnd: Math.min(j, end) };
}

function definitionDestination(text: string, start: number, end: number) {
  const colon = text.indexOf(']:', start);
  if (colon < 0 || colon >= end) return {};
  let i = colon + 2;
  while (i < end && /\s/.test(text[i])) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close < 0 || close > end ? {} : { destStart: i + 1, destEnd: close };
  }
  let j = i;
  while (j < end && !/\s/.test(text[j])) j++;
  return { destStart: i, destEnd: j };
}

function listFact(node: List, text: string, depth: number): ListFact {
  const items = node.children.map((item) => listItemFact(item, text, depth));
  const markerText = items[0] ? text.slice(items[0].markerStart, items[0].markerEnd) : '-';
  return {
    ordered: !!node.ordered,
    marker: markerText.slice(-1),
    start: node.position!.start.offset!,
    end: node.position!.end.offset!,
    depth,
    items,
  };
}

function listItemFact(item: ListItem, text: string, depth: number): ListItemFact {
  const start = item.position!.start.offset!;
  const end = item.position!.end.offset!;
  // The marker is the first non-space run of the item's first line (`-`, `*`, `12.`, `3)`).
  let m = start;
  while (text[m] === ' ' || text[m] === '\t') m++;
  let markerEnd = m;
  while (markerEnd < end && /[0-9]/.test(text[markerEnd])) markerEnd++;
  const number = markerEnd > m ? Number(text.slice(m, markerEnd)) : undefined;
  markerEnd++;
  let firstLineEnd = text.indexOf('\n', start);
  if (firstLineEnd < 0 || firstLineEnd > end) firstLineEnd = end;
  if (text.charCodeAt(firstLineEnd - 1) === 13) firstLineEnd--;
  const para = item.children[0];
  const ownText = para && para.type === 'paragraph' ? plainText(para) : '';
  return { start, end, firstLineEnd, number, markerStart: m, markerEnd, text: ownText, depth };
}

/** `**Label**：value` or `**Label:** value`: a labelled field of a paper. */
function paragraphField(node: Paragraph, text: string, fields: FieldFact[]): void {
  const first = node.children[0];
  if (!first || first.type !== 'strong') return;
  let label = plainText(first).trim();
  const rest = node.children.slice(1) as PhrasingContent[];
  const restText = rest.map((c) => plainText(c)).join('');
  let colonInLabel = false;
  if (/[:：]$/.test(label)) {
    label = label.slice(0, -1).trim();
    colonInLabel = true;
  }
  const afterColon = restText.match(/^\s*[:：]\s*/);
  if (!colonInLabel && !afterColon) return;
  const value = colonInLabel ? restText.trim() : restText.slice(afterColon![0].length).trim();
  const tags: TagFact[] = [];
  for (const child of rest) {
    if (child.type !== 'text') continue;
    const offset = child.position!.start.offset!;
    const raw = text.slice(offset, child.position!.end.offset!);
    // Tags are found in the source slice of the text node, so offsets stay exact even with escapes.
    for (const tag of findTags(raw)) tags.push({ name: tag.name, start: offset + tag.start, end: offset + tag.end });
  }
  const firstEnd = first.position!.end.offset!;
  fields.push({
    label,
    start: node.position!.start.offset!,
    end: node.position!.end.offset!,
    labelStart: first.position!.start.offset!,
    labelEnd: firstEnd,
    value,
    valueStart: rest[0]?.position?.start.offset ?? firstEnd,
    tags,
  });
}
