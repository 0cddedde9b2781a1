import { distance } from 'fastest-levenshtein';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';

// `[text][label]` and `[label][]` whose label has no definition stay literal text in markdown-it's tokens
// (the model's plainRuns hold text outside code and links); so do footnote calls `[^x]` with no `[^x]:` definition.
const FULL_OR_COLLAPSED = /\[((?:[^\[\]\\]|\\.)*)\]\[((?:[^\[\]\\]|\\.)*)\]/g;
const FOOTNOTE = /\[\^([^\]\s]+)\]/g;

/** Labels compare like CommonMark's: case-folded, inner whitespace collapsed. */
function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A reference-style link or a footnote call whose label has no definition in the document. */
export const refUndefinedRule: Rule = {
  code: 'ref-undefined',
  defaultSeverity: 'error',
  description: { en: 'A [label] reference-style link has no definition.', zh: '引用式链接 [标签] 没有定义。' },
  docPage: 'docs/rules/ref-undefined.md',
  scope: 'any',
  check(ctx) {
    const { text } = ctx.model;
    const out: Finding[] = [];
    for (const run of ctx.model.plainRuns) {
      for (const m of run.value.matchAll(FULL_OR_COLLAPSED)) {
        const start = run.start + m.index;
        // An escaped bracket is the editor saying "literal": the text node then differs from the source.
        if (text.slice(start, start + m[0].length) !== m[0] || text[start - 1] === '\\') continue;
        const label = m[2].trim() ? m[2] : m[1];
        if (!label.trim() || label.startsWith('^')) continue;
        out.push(finding(ctx, start, m[0].length, label, m[2].trim() ? start + m[1].length + 3 : start + 1, false));
      }
      for (const m of run.value.matchAll(FOOTNOTE)) {
        const start = run.start + m.index;
        if (text.slice(start, start + m[0].length) !== m[0] || text[start - 1] === '\\') continue;
        out.push(finding(ctx, start, m[0].length, m[1], start + 2, true));
      }
    }
    return out;
  },
};

function finding(ctx: RuleContext, start: number, length: number, label: string, labelStart: number, footnote: boolean): Finding {
  const t = translator(ctx);
  const written = footnote ? `[^${label}]` : `[${label}]`;
  const fixes: FindingFix[] = [];
  const near = nearestLabel(ctx, label, footnote);
  if (near) {
    fixes.push({ title: t(S['ref.fix.label'], { label: near }), edits: [{ start: labelStart, end: labelStart + label.length, newText: near }], isPreferred: true });
  }
  // Escaping the brackets says the text is meant literally (`a[i][j]` in prose).
  const literal = ctx.model.text.slice(start, start + length).replace(/[\[\]]/g, (c) => '\\' + c);
  fixes.push({ title: t(S['ref.fix.escape']), edits: [{ start, end: start + length, newText: literal }] });
  const hint = near ? t(S['ref.undefined.hint'], { near: footnote ? `[^${near}]` : `[${near}]` }) : '';
  return {
    code: 'ref-undefined',
    start,
    end: start + length,
    message: t(footnote ? S['ref.undefined.footnote'] : S['ref.undefined.link'], { written, label, hint }),
    fixes,
  };
}

/** The defined label this one most likely meant: one or two edits away, and the only one that near. */
function nearestLabel(ctx: RuleContext, label: string, footnote: boolean): string | undefined {
  const wanted = normalizeLabel(label);
  // Numbered labels ([^1], [3]) differ by design: one edit away is another note, not a typo.
  if (/^\d+$/.test(wanted)) return undefined;
  const labels = footnote ? ctx.model.footnoteDefs.map((d) => d.label) : ctx.model.definitions.map((d) => d.label);
  const limit = wanted.length <= 3 ? 1 : 2;
  const scored = labels.map((l) => ({ l, d: distance(normalizeLabel(l), wanted) })).filter((x) => x.d <= limit);
  if (scored.length === 0) return undefined;
  const best = Math.min(...scored.map((x) => x.d));
  const winners = [...new Set(scored.filter((x) => x.d === best).map((x) => x.l))];
  return winners.length === 1 ? winners[0] : undefined;
}
