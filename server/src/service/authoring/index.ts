/** The authoring commands as the language service offers them: checks common to all, then the edit. */
import type { WeeklyConfig } from '../config';
import type { Translate } from '../l10n';
import type { IssueModel } from '../model/types';
import { M } from './messages';
import { newPaperEntry, type AuthoringResult, type NewPaperEntryInput } from './newPaperEntry';

export type { AuthoringResult, NewPaperEntryInput } from './newPaperEntry';
export { newIssueText, newIssuePath, type NewIssueOptions } from './newIssue';
export { classifyLink, placeLinks, type LinkKind, type PaperLinks } from './links';

/** What an authoring command needs to know about one document. */
export interface AuthoringContext {
  model: IssueModel;
  config: WeeklyConfig;
  isIssue: boolean;
  /** Builds the model of another text the way this document's is built (same slug style and presets). */
  reparse(text: string): IssueModel;
  t: Translate;
}

/** A blank file counts as an issue for authoring: "New Paper Entry" on it creates the issue's sections. */
function refuseUnlessIssue(ctx: AuthoringContext): AuthoringResult | undefined {
  if (ctx.isIssue || ctx.model.text.trim() === '') return undefined;
  return { ok: false, message: ctx.t(M['authoring.notIssue']) };
}

export function runNewPaperEntry(ctx: AuthoringContext, input: NewPaperEntryInput): AuthoringResult {
  return refuseUnlessIssue(ctx) ?? newPaperEntry(ctx.model, ctx.config, input, ctx.reparse, ctx.t);
}
