/** The authoring commands as the language service offers them: checks common to all, then the edit. */
import type { AuthoringContext } from './authoringContext';
import { withLfLineEnds } from './lineEnds';
import { M } from './messages';
import { newPaperEntry, type AuthoringResult, type NewPaperEntryInput } from './newPaperEntry';
import { newPaperEntries } from './newPaperEntries';
import { renumberReferences, updateToc } from './structureCommands';
import { tagChoices, type TagChoice } from './tagChoices';
import { builtinTags } from '../model/knownTags';

export type { AuthoringResult, NewPaperEntryInput } from './newPaperEntry';
export { newIssueText, newIssuePath, type NewIssueOptions } from './newIssue';
export { issueToggleEdits } from './issueToggle';
export { classifyLink, placeLinks, type LinkKind, type PaperLinks } from './links';
export type { TagChoice } from './tagChoices';
export type { AuthoringContext } from './authoringContext';
export { M as authoringMessages } from './messages';

/** A blank file counts as an issue for authoring: "New Paper Entry" on it creates the issue's sections. */
function refuseUnlessIssue(ctx: AuthoringContext): AuthoringResult | undefined {
  if (ctx.isIssue || ctx.model.text.trim() === '') return undefined;
  return { ok: false, message: ctx.t(M['authoring.notIssue']) };
}

export function runNewPaperEntry(ctx: AuthoringContext, input: NewPaperEntryInput): AuthoringResult {
  const cursor = input.cursor;
  return refuseUnlessIssue(ctx) ?? withLfLineEnds(ctx.model, ctx.reparse, (model) => {
    // The cursor moves with the text: its offset in the LF text.
    const lfCursor = cursor === undefined || model === ctx.model ? cursor : ctx.model.text.slice(0, cursor).replace(/\r\n?/g, '\n').length;
    return newPaperEntry(model, ctx.config, { ...input, cursor: lfCursor }, ctx.reparse, ctx.t);
  });
}

/** Several papers in one edit (entries from links). */
export function runNewPaperEntries(ctx: AuthoringContext, inputs: readonly NewPaperEntryInput[]): AuthoringResult {
  return refuseUnlessIssue(ctx) ?? newPaperEntries(ctx, inputs);
}

/** Why "New Paper Entry" cannot run on this document at all, before any input is asked for. */
export function runNewPaperEntryPrecheck(ctx: AuthoringContext): string | undefined {
  const refusal = refuseUnlessIssue(ctx);
  return refusal && !refusal.ok ? refusal.message : undefined;
}

export function runUpdateToc(ctx: AuthoringContext): AuthoringResult {
  return refuseUnlessIssue(ctx) ?? updateToc(ctx);
}

export function runRenumberReferences(ctx: AuthoringContext): AuthoringResult {
  return refuseUnlessIssue(ctx) ?? renumberReferences(ctx);
}

/** The tags to offer for a new paper in this document, most used first. */
export function runTagChoices(ctx: AuthoringContext): TagChoice[] {
  return tagChoices(ctx.model, ctx.config, ctx.knownTags, builtinTags, ctx.tagUses);
}
