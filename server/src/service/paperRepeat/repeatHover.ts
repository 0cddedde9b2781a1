/** The hover of a paper heading that repeats an earlier one: "Covered in 2025-04-18 (FramePack：…)". */
import type { WorkspaceIndex } from '../indexing/workspaceIndex';
import type { Heading, IssueModel } from '../model/types';
import { registerMessages, type Translate } from '../util/l10n';
import { catalogOfIndex } from './issueCatalog';
import { issueLabel, repeatsOf, shortHeading } from './paperRepeats';

const M = registerMessages({
  'paperRepeat.hover': { en: 'Covered in {issue} ({heading})', zh: '已在 {issue} 介绍过（{heading}）' },
  'paperRepeat.hoverSameIssue': { en: 'Covered above in this issue ({heading})', zh: '本期前文已介绍（{heading}）' },
});

/** The hover text and range when `heading` is a repeated paper's. */
export function repeatHover(model: IssueModel, uri: string, heading: Heading, index: WorkspaceIndex | undefined, t: Translate): { value: string; start: number; end: number } | undefined {
  const paper = model.papers.find((p) => p.heading === heading);
  if (!paper) return undefined;
  const repeat = repeatsOf(model, uri, index && catalogOfIndex(index)).find((r) => r.paper === paper);
  if (!repeat) return undefined;
  const earlier = shortHeading(repeat.earlier.headingText);
  const value = repeat.sameIssue ? t(M['paperRepeat.hoverSameIssue'], { heading: earlier }) : t(M['paperRepeat.hover'], { issue: issueLabel(repeat.earlier), heading: earlier });
  return { value, start: paper.heading.contentStart, end: paper.heading.contentEnd };
}
