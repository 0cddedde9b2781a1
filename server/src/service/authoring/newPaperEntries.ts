/**
 * Several papers at once (New Paper Entries from Links…, `new-entry --from A --from B`): each is placed as
 * New Paper Entry places one, on the text the previous one left, and the whole change is handed back as one
 * edit (the smallest span that differs), so the editor undoes it in one step.
 */
import type { AuthoringContext } from './authoringContext';
import { newPaperEntry, type AuthoringResult, type NewPaperEntryInput } from './newPaperEntry';
import { applyOffsetEdits, withLfLineEnds } from './lineEnds';
import type { OffsetEdit } from '../rules/rule';

export function newPaperEntries(ctx: AuthoringContext, inputs: readonly NewPaperEntryInput[]): AuthoringResult {
  return withLfLineEnds(ctx.model, ctx.reparse, (first) => {
    let model = first;
    let selection: { start: number; end: number } | undefined;
    for (const input of inputs) {
      const result = newPaperEntry(model, ctx.config, { ...input, cursor: undefined }, ctx.reparse, ctx.t);
      if (!result.ok) return result;
      const text = applyOffsetEdits(model.text, result.edits);
      selection = result.selection;
      model = ctx.reparse(text);
    }
    return { ok: true, edits: [diffEdit(first.text, model.text)], selection };
  });
}

/** One replacement from `before` to `after`: the common prefix and suffix are kept. */
export function diffEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
