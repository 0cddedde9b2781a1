/**
 * Inline disable comments, as markdownlint and ESLint have them, honoured by the editor and the CLI
 * (the rule runner in languageService.ts drops what they disable):
 *
 *   <!-- weekly-issues-disable -->               every code from here on (until an enable)
 *   <!-- weekly-issues-disable ref-missing toc-order -->   these codes from here on
 *   <!-- weekly-issues-enable [codes] -->        all again (or these codes)
 *   <!-- weekly-issues-disable-next-line [codes] -->       the next line only
 *
 * Codes are separated by spaces or commas. A finding counts as on the line where it starts. Comments are
 * found in the raw text (a line scan, like markdownlint's inline configuration): the model need not
 * know them, and a comment shown in a code block is rare enough not to pay for a parse.
 */
import type { Finding, OffsetEdit } from './rules/rule';
import type { LineIndex } from './util/lineIndex';
import { registerMessages, type Translate } from './util/l10n';

const COMMENT = /<!--\s*weekly-issues-(disable-next-line|disable|enable)(?=[\s,]|-->)([\s\S]*?)-->/g;

export const inlineDisableMessages = registerMessages({
  'disable.forLine': { en: 'Disable {code} for this line', zh: '在此行禁用 {code}' },
});

interface Directive {
  line: number;
  kind: 'disable-next-line' | 'disable' | 'enable';
  /** Empty: every code. */
  codes: string[];
}

function directives(text: string, lines: LineIndex): Directive[] {
  const found: Directive[] = [];
  for (const m of text.matchAll(COMMENT)) {
    const codes = m[2].split(/[\s,]+/).filter(Boolean);
    found.push({ line: lines.positionAt(m.index).line, kind: m[1] as Directive['kind'], codes });
  }
  return found;
}

/** The findings the document's disable comments leave; the same array when it has none. */
export function filterDisabled(findings: Finding[], text: string, lines: LineIndex): Finding[] {
  if (!text.includes('weekly-issues-')) return findings;
  const list = directives(text, lines);
  if (list.length === 0) return findings;
  const nextLine = new Map<number, string[]>();
  const blocks = list.filter((d) => {
    if (d.kind !== 'disable-next-line') return true;
    nextLine.set(d.line + 1, [...(nextLine.get(d.line + 1) ?? []), ...(d.codes.length ? d.codes : ['*'])]);
    return false;
  });
  // The block state at a line: everything off (but `except`), or these codes off.
  let all = false;
  const codes = new Set<string>();
  const except = new Set<string>();
  let next = 0;
  const ordered = [...findings].map((f, i) => ({ f, i, line: lines.positionAt(f.start).line })).sort((a, b) => a.line - b.line || a.i - b.i);
  const dropped = new Set<Finding>();
  for (const { f, line } of ordered) {
    for (; next < blocks.length && blocks[next].line <= line; next++) {
      const d = blocks[next];
      if (d.codes.length === 0) {
        all = d.kind === 'disable';
        codes.clear();
        except.clear();
      } else {
        for (const c of d.codes) {
          if (all) (d.kind === 'disable' ? except.delete(c) : except.add(c));
          else (d.kind === 'disable' ? codes.add(c) : codes.delete(c));
        }
      }
    }
    const onLine = nextLine.get(line);
    if ((all ? !except.has(f.code) : codes.has(f.code)) || onLine?.includes('*') || onLine?.includes(f.code)) dropped.add(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/**
 * The quick fix "Disable {code} for this line": a disable-next-line comment above the finding's line,
 * indented as it is; in a list, as the item's content, so the comment joins the item above and the list
 * stays one list.
 */
export function disableForLineFix(finding: Finding, text: string, lines: LineIndex, t: Translate): { title: string; edit: OffsetEdit } {
  const line = lines.positionAt(finding.start).line;
  const start = lines.offsetAt({ line, character: 0 });
  const lineText = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
  const item = /^(\s*)(?:[-*+]|\d{1,9}[.)])(\s+)/.exec(lineText);
  const previous = line > 0 ? text.slice(lines.offsetAt({ line: line - 1, character: 0 }), start).trim() : '';
  const indent = item && previous ? ' '.repeat(item[0].length) : /^\s*/.exec(lineText)![0];
  return {
    title: t(inlineDisableMessages['disable.forLine'], { code: finding.code }),
    edit: { start, end: start, newText: `${indent}<!-- weekly-issues-disable-next-line ${finding.code} -->\n` },
  };
}
