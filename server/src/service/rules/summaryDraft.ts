import type { Finding, Rule } from './rule';
import { registerMessages } from '../util/l10n';
import { translator } from '../edits/messages';
import { findDraftMarker } from '../model/summaryDraft';

const M = registerMessages({
  'summaryDraft.message': {
    en: 'This summary is still the paper\'s abstract, as the lookup wrote it. Rewrite it for readers in a sentence or two.',
    zh: '这段概要仍是查找时填入的论文摘要原文。请为读者改写成一两句话。',
  },
  'summaryDraft.fix.keep': { en: 'Keep this summary as it is (remove the draft mark)', zh: '保留这段概要（去掉草稿标记）' },
});

/**
 * A summary written from a lookup's abstract and not rewritten since (model/summaryDraft.ts). Reported on
 * the summary's text, as information: the issue is fine to publish, but readers get an abstract.
 */
export const summaryDraftRule: Rule = {
  code: 'summary-draft',
  defaultSeverity: 'info',
  description: { en: "A paper's summary is still the abstract a lookup filled in.", zh: '论文概要仍是查找时填入的摘要原文。' },
  docPage: 'docs/rules/summary-draft.md',
  scope: 'issue',
  check(ctx) {
    const out: Finding[] = [];
    const text = ctx.model.text;
    const t = translator(ctx);
    for (const paper of ctx.model.papers) {
      const field = paper.summary;
      if (!field) continue;
      // The value's source starts at the colon (and the blanks after it).
      const lead = /^[:：]?[ \t]*/.exec(text.slice(field.valueStart, field.end))![0].length;
      const from = field.valueStart + lead;
      const marker = findDraftMarker(text.slice(from, field.end));
      if (!marker?.unchanged) continue;
      out.push({
        code: 'summary-draft',
        start: from,
        end: from + marker.start,
        message: t(M['summaryDraft.message']),
        fixes: [{ title: t(M['summaryDraft.fix.keep']), edits: [{ start: from + marker.start, end: from + marker.end, newText: '' }] }],
      });
    }
    return out;
  },
};
