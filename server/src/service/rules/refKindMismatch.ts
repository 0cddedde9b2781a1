/**
 * ref-kind-mismatch: a reference entry whose text names one kind of link (项目主页, GitHub 仓库, 论文链接, or
 * the preset's labels) while its URL is another ("Step1X-Edit 项目主页" linking to a GitHub repository).
 * The URL's kind comes from the one link classifier, `referenceSlotOf` (links/paperLink.ts).
 */
import { kindOfText, referenceOwners } from '../edits/referenceBuilder';
import { referenceSlotOf } from '../links/paperLink';
import { registerMessages } from '../util/l10n';
import type { Finding, Rule } from './rule';
import { translator } from '../edits/messages';

const M = registerMessages({
  'refKind.mismatch': {
    en: 'The text says "{said}" but the link is a "{actual}": relabel it "{text}".',
    zh: '文字写的是“{said}”，链接却是“{actual}”：改为“{text}”。',
  },
  'refKind.fix': { en: 'Relabel it "{text}"', zh: '改为“{text}”' },
});

export const refKindMismatchRule: Rule = {
  code: 'ref-kind-mismatch',
  defaultSeverity: 'info',
  description: {
    en: "A reference's text names one kind of link (project page, GitHub, paper) and its URL is another.",
    zh: '参考条目的文字写的是一种链接（项目主页、GitHub、论文），网址却是另一种。',
  },
  docPage: 'docs/rules/ref-kind-mismatch.md',
  scope: 'issue',
  check(ctx) {
    const out: Finding[] = [];
    // The kind matters where a preset's label names it (readers choose a link by "项目主页" / "GitHub"), and
    // where requiredReferenceKinds counts the entry as the kind its label says while its URL is another.
    const preset = ctx.config.presets[ctx.model.language];
    const presets = Object.values(ctx.config.presets);
    const t = translator(ctx);
    const owners = referenceOwners(ctx.model);
    for (const [i, entry] of (ctx.model.references?.entries ?? []).entries()) {
      const link = entry.link;
      if (!link || link.textStart === undefined || link.textEnd === undefined) continue;
      const written = ctx.model.text.slice(link.textStart, link.textEnd);
      // What the label says: the words after the paper's name, by the presets' labels only (the kind matters there).
      const owner = owners[i];
      const rest = owner && written.startsWith(owner.name) ? written.slice(owner.name.length) : written;
      const said = kindOfText(rest, presets);
      const actual = referenceSlotOf(entry.url);
      if (!said || !actual || said === actual) continue;
      const saidLabel = presets.map((p) => p.referenceKinds[said]).find((l) => written.toLowerCase().includes(l.toLowerCase()));
      if (!saidLabel) continue; // named by a loose word (paper, arxiv), not by a label: nothing to relabel exactly
      const at = written.toLowerCase().lastIndexOf(saidLabel.toLowerCase());
      const text = written.slice(0, at) + preset.referenceKinds[actual] + written.slice(at + saidLabel.length);
      out.push({
        code: 'ref-kind-mismatch',
        start: link.textStart,
        end: link.textEnd,
        message: t(M['refKind.mismatch'], { said: saidLabel, actual: preset.referenceKinds[actual], text }),
        fixes: [{ title: t(M['refKind.fix'], { text }), edits: [{ start: link.textStart, end: link.textEnd, newText: text }], isPreferred: true }],
      });
    }
    return out;
  },
};
