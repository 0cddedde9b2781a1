/**
 * "Update Table of Contents" and "Renumber References" as commands. The edits themselves are the
 * structure rules' (../structure/): the quick fixes and the commands must never disagree.
 */
import { renumberEdits } from '../edits/referenceBuilder';
import { rebuildTocEdit } from '../edits/tocBuilder';
import type { AuthoringContext } from './authoringContext';
import { M } from './messages';
import type { AuthoringResult } from './newPaperEntry';

export function updateToc(ctx: AuthoringContext): AuthoringResult {
  if (!ctx.model.toc) return { ok: false, message: ctx.t(M['authoring.noToc']) };
  const edit = rebuildTocEdit(ctx.model);
  return { ok: true, edits: edit ? [edit] : [] };
}

export function renumberReferences(ctx: AuthoringContext): AuthoringResult {
  if (!ctx.model.references) return { ok: false, message: ctx.t(M['authoring.noReferences']) };
  return { ok: true, edits: renumberEdits(ctx.model) };
}
