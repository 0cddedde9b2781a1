import { issueLabel, repeatsOf, shortHeading } from '../paperRepeat/paperRepeats';
import { registerMessages } from '../util/l10n';
import type { Rule, RuleFinding } from './rule';

const M = registerMessages({
  'paperRepeat.earlierIssue': {
    en: '"{name}" was already covered in {issue} ({heading}): the same {identity}. Drop it, or say what is new.',
    zh: '“{name}”已在 {issue}（{heading}）中介绍过：同一个 {identity}。请删去，或说明新在哪里。',
  },
  'paperRepeat.sameIssue': {
    en: '"{name}" is covered twice in this issue: the same {identity} as "{heading}" above. Merge the two sections.',
    zh: '“{name}”在本期出现了两次：与上文“{heading}”是同一个 {identity}。请合并这两节。',
  },
  'paperRepeat.shortName': { en: 'short name', zh: '简称' },
  'paperRepeat.related': { en: 'First covered here', zh: '首次介绍于此' },
});

/**
 * A paper covered before: in an earlier issue of the workspace (the same arXiv id, repository or project
 * page, in any link form), or earlier in this issue (also by short name). On the later heading, with the
 * earlier one as related information.
 */
export const paperRepeatRule: Rule = {
  code: 'paper-repeat',
  defaultSeverity: 'warning',
  description: { en: 'A paper was already covered, in an earlier issue or earlier in this one.', zh: '论文已经介绍过（在之前的某期或本期前文中）。' },
  docPage: 'docs/rules/paper-repeat.md',
  scope: 'issue',
  check(ctx) {
    const t = ctx.env.t ?? ((key: string) => key);
    return repeatsOf(ctx.model, ctx.env.documentUri, ctx.env.issueCatalog).map(({ paper, earlier, sameIssue, identity }): RuleFinding => ({
      start: paper.heading.contentStart,
      end: paper.heading.contentEnd,
      message: t(sameIssue ? M['paperRepeat.sameIssue'] : M['paperRepeat.earlierIssue'], {
        name: paper.name,
        issue: issueLabel(earlier),
        heading: shortHeading(earlier.headingText),
        identity: identity ?? t(M['paperRepeat.shortName']),
      }),
      related: [{ uri: earlier.uri, start: earlier.start, end: earlier.end, message: t(M['paperRepeat.related']) }],
    }));
  },
};
