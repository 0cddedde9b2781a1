import type { IssueModel, Paper } from '../model/types';
import { eolOf } from '../edits/listEdits';
import type { Finding, OffsetEdit, Rule } from './rule';
import { S, translator } from '../edits/messages';

/** A paper without one of the required fields (概要 and 标签, Summary and Tags). The fix adds an empty field line. */
export const paperMissingFieldRule: Rule = {
  code: 'paper-missing-field',
  defaultSeverity: 'warning',
  description: { en: 'A paper lacks a required field (summary, tags).', zh: '论文缺少必填字段（摘要、标签）。' },
  docPage: 'docs/rules/paper-missing-field.md',
  scope: 'issue',
  check(ctx) {
    const preset = ctx.config.presets[ctx.model.language];
    const out: Finding[] = [];
    const t = translator(ctx);
    for (const paper of ctx.model.papers) {
      for (const role of ctx.config.requiredFields) {
        if (role === 'summary' ? paper.summary : paper.tagsField) continue;
        const label = (role === 'summary' ? preset.summaryField : preset.tagsField)[0];
        if (!label) continue;
        const colon = ctx.model.language === 'zh' ? '：' : ':';
        out.push({
          code: 'paper-missing-field',
          start: paper.heading.contentStart,
          end: paper.heading.contentEnd,
          message: t(S['paper.missingField'], { heading: paper.heading.text, label, colon }),
          fixes: [{ title: t(S['paper.fix.addField'], { label }), edits: [fieldInsertion(ctx.model, paper, role, `**${label}**${colon}`)], isPreferred: true }],
        });
      }
    }
    return out;
  },
};

/**
 * Where a field goes: the summary after the heading and its image, before the tags; the tags after
 * the summary, else at the end of the section's text (before a closing `---`).
 */
function fieldInsertion(model: IssueModel, paper: Paper, role: 'summary' | 'tags', line: string): OffsetEdit {
  const eol = eolOf(model.text);
  if (role === 'tags' && paper.summary) return { start: paper.summary.end, end: paper.summary.end, newText: eol + eol + line };
  if (role === 'summary') {
    let at = paper.heading.end;
    // Skip the image paragraph right under the heading.
    const image = paper.images.find((i) => /^\s*$/.test(model.text.slice(paper.heading.end, i.start)));
    if (image) at = paragraphEnd(model.text, image.end, paper.end);
    if (paper.tagsField && paper.tagsField.start < at) at = paper.heading.end;
    // An unlabelled paragraph where the summary belongs is the summary: it gets the label in front.
    const next = nextParagraph(model.text, at, paper.end);
    if (next !== undefined && !model.fields.some((f) => f.start === next)) {
      return { start: next, end: next, newText: line + (model.language === 'zh' ? '' : ' ') };
    }
    return { start: at, end: at, newText: eol + eol + line };
  }
  return { start: contentEnd(model.text, paper), end: contentEnd(model.text, paper), newText: eol + eol + line };
}

/** The start of the plain paragraph after `offset`, if the next block is one (not a heading, list, image, rule…). */
function nextParagraph(text: string, offset: number, limit: number): number | undefined {
  const start = offset + (/^\s*\n/.exec(text.slice(offset, limit))?.[0].length ?? 0);
  const line = text.slice(start, limit).split(/\r?\n/, 1)[0];
  if (!line.trim() || start >= limit) return undefined;
  // Lines that open another kind of block: heading, list, quote, code, table, HTML, image, thematic break.
  if (/^\s*([#>|<`~]|[-*+]\s|\d+[.)]\s|!\[)/.test(line) || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return undefined;
  return start + (line.length - line.trimStart().length);
}

/** The end of the paragraph that contains `offset`: the next blank line. */
function paragraphEnd(text: string, offset: number, limit: number): number {
  const m = /\r?\n[ \t]*(\r?\n|$)/.exec(text.slice(offset, limit));
  return m ? offset + m.index : limit;
}

/** The end of a paper's own text: before trailing blank lines and a closing thematic break. */
function contentEnd(text: string, paper: Paper): number {
  let body = text.slice(paper.heading.end, paper.end);
  body = body.replace(/\s*$/, '');
  const rule = /(^|\n)[ ]{0,3}([-*_])[ \t]*(\2[ \t]*){2,}$/.exec(body);
  if (rule) body = body.slice(0, rule.index).replace(/\s*$/, '');
  return paper.heading.end + body.length;
}
