/**
 * The plain-text part of the email (multipart/alternative): headings underlined, lists numbered or
 * dashed, links as "text <url>". Hand-written: the text form of a newsletter is a few rules, and the
 * general HTML-to-text packages (html-to-text) would add a second HTML parser to the bundle.
 */
import type { Element, ElementContent, Root } from 'hast';
import { textOf } from './publishTree';

const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'pre', 'table', 'figure', 'details', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'hr']);

export function toPlainText(tree: Root): string {
  const blocks: string[] = [];
  for (const child of tree.children) block(child as ElementContent, blocks, '');
  return blocks.join('\n\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function block(node: ElementContent, out: string[], indent: string): void {
  if (node.type === 'text') {
    if (node.value.trim()) out.push(indent + node.value.trim());
    return;
  }
  if (node.type !== 'element') return;
  const el = node;
  const tag = el.tagName;
  if (/^h[1-6]$/.test(tag)) {
    const title = inline(el).trim();
    const width = [...title].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    out.push(tag === 'h1' ? `${title}\n${'='.repeat(width)}` : tag === 'h2' ? `${title}\n${'-'.repeat(width)}` : title);
  } else if (tag === 'hr') out.push(indent + '----');
  else if (tag === 'pre') out.push(textOf(el).replace(/\n$/, ''));
  else if (tag === 'ul' || tag === 'ol') out.push(list(el, indent));
  else if (tag === 'table') out.push(rows(el).join('\n'));
  else if (tag === 'blockquote') {
    const inner: string[] = [];
    for (const c of el.children) block(c, inner, '');
    out.push(inner.join('\n\n').split('\n').map((l) => '> ' + l).join('\n'));
  } else if (el.children.some((c) => c.type === 'element' && BLOCK.has(c.tagName))) {
    for (const c of el.children) block(c, out, indent);
  } else {
    const s = inline(el).trim();
    if (s) out.push(indent + s);
  }
}

function list(el: Element, indent: string): string {
  const start = typeof el.properties.start === 'number' ? el.properties.start : 1;
  const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  return items
    .map((li, i) => {
      const marker = el.tagName === 'ol' ? `${start + i}. ` : '- ';
      const parts: string[] = [];
      const inlineParts: ElementContent[] = [];
      for (const c of li.children) {
        if (c.type === 'element' && (c.tagName === 'ul' || c.tagName === 'ol')) parts.push(list(c, indent + '   '));
        else if (c.type === 'element' && c.tagName === 'p') parts.unshift(inline(c).trim());
        else inlineParts.push(c);
      }
      const head = inlineParts.map(inlineOf).join('').trim();
      return indent + marker + [head, ...parts].filter(Boolean).join('\n');
    })
    .join('\n');
}

function rows(table: Element): string[] {
  const out: string[] = [];
  const walk = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') out.push(c.children.filter((x): x is Element => x.type === 'element').map((cell) => inline(cell).trim()).join(' | '));
      else walk(c);
    }
  };
  walk(table);
  return out;
}

function inline(el: Element): string {
  return el.children.map(inlineOf).join('').replace(/[ \t]*\n[ \t]*/g, ' ');
}

function inlineOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  if (node.tagName === 'img') return `[${String(node.properties.alt ?? '')}] ${String(node.properties.src ?? '')}`.trim();
  const inner = node.children.map(inlineOf).join('');
  if (node.tagName === 'a') {
    const href = String(node.properties.href ?? '');
    return href && href !== inner.trim() ? `${inner} <${href}>` : inner;
  }
  return inner;
}
