/** The Issues view's order: newest first, by the date paper-repeat reads (paperRepeat/paperIdentities.ts). */
import { compareIssues } from '../paperRepeat/paperIdentities';
import type { IssueSummary } from './issueSummary';

export function issuesNewestFirst(summaries: Iterable<IssueSummary>): IssueSummary[] {
  return [...summaries].sort((a, b) => compareIssues(b.issue, a.issue));
}
