/**
 * ref-kind-mismatch: a reference entry whose text names one kind of link (项目主页, GitHub 仓库, 论文链接, or
 * the preset's labels) while its URL is another ("Step1X-Edit 项目主页" linking to a GitHub repository).
 * The URL's kind comes from the one link classifier, `referenceSlotOf` (links/paperLink.ts).
 */
import { kindOfText, referenceOwners } from '../edits/referenceBuilder';
import { referenceSlotOf } from '../links/paperLink';
import { registerMessages } from '../util/l10n';
import type { Finding, Rule, RuleContext } from './rule';
import type { ReferenceEntry } from '../model/types';
import type { LanguagePreset } from '../config/weeklyConfig';
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
    const entries = ctx.model.references?.entries ?? [];
    // An entry a keystroke did not touch is the same object, at the same place in the list: its answer
    // is kept while its owner's name, the presets and the language are too (at ×200, 3,000 entries
    // asked again on every keystroke; looked up by place first, which costs less than the WeakMap).
    const before = lastAnswers;
    const answers: Answer[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const link = entry.link;
      if (!link || link.textStart === undefined || link.textEnd === undefined) continue;
      const owner = owners[i];
      let known = before.entries[i] === entry ? before.answers[i] : relabels.get(entry);
      if (!known || known.ownerName !== owner?.name || known.presets !== ctx.config.presets || known.language !== ctx.model.language) {
        known = { ownerName: owner?.name, presets: ctx.config.presets, language: ctx.model.language, relabel: relabelOf(ctx.model.text.slice(link.textStart, link.textEnd), owner?.name, entry.url, preset, presets) };
        relabels.set(entry, known);
      }
      answers[i] = known;
      const relabel = known.relabel;
      if (!relabel) continue;
      const { saidLabel, actualLabel: actual, text } = relabel;
      out.push({
        code: 'ref-kind-mismatch',
        start: link.textStart,
        end: link.textEnd,
        message: t(M['refKind.mismatch'], { said: saidLabel, actual, text }),
        fixes: [{ title: t(M['refKind.fix'], { text }), edits: [{ start: link.textStart, end: link.textEnd, newText: text }], isPreferred: true }],
      });
    }
    lastAnswers = { entries, answers };
    return out;
  },
};

type Presets = RuleContext['config']['presets'];
type Relabel = { saidLabel: string; actualLabel: string; text: string };
type Answer = { ownerName: string | undefined; presets: Presets; language: string; relabel: Relabel | undefined };
const relabels = new WeakMap<ReferenceEntry, Answer>();
/** The last check's entries and answers, by place. */
let lastAnswers: { entries: readonly ReferenceEntry[]; answers: Answer[] } = { entries: [], answers: [] };

/** The label an entry's text should have, when it names one kind of link and its URL is another. */
function relabelOf(written: string, ownerName: string | undefined, url: string, preset: LanguagePreset, presets: LanguagePreset[]): Relabel | undefined {
  // What the label says: the words after the paper's name, by the presets' labels only (the kind matters there).
  const rest = ownerName && written.startsWith(ownerName) ? written.slice(ownerName.length) : written;
  const said = kindOfText(rest, presets);
  const actual = referenceSlotOf(url);
  if (!said || !actual || said === actual) return undefined;
  const saidLabel = presets.map((p) => p.referenceKinds[said]).find((l) => written.toLowerCase().includes(l.toLowerCase()));
  if (!saidLabel) return undefined; // named by a loose word (paper, arxiv), not by a label: nothing to relabel exactly
  const at = written.toLowerCase().lastIndexOf(saidLabel.toLowerCase());
  const actualLabel = preset.referenceKinds[actual];
  return { saidLabel, actualLabel, text: written.slice(0, at) + actualLabel + written.slice(at + saidLabel.length) };
}
