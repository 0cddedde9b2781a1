/**
 * Authoring edits are computed on LF text. A document with CRLF (or CR) line ends is given to them with
 * LF ends, and their edits are mapped back: offsets into the real text, new text with its line ends.
 */
import type { IssueModel } from '../model/types';
import type { OffsetEdit } from '../rules/rule';
import type { AuthoringResult } from './newPaperEntry';

/** For each offset of `text` with its line ends made LF, the offset in `text`. */
function lfToOriginal(text: string): Int32Array {
  const map = new Int32Array(text.length + 1);
  let i = 0;
  for (let j = 0; j < text.length; j++) {
    map[i] = j;
    if (text[j] === '\r' && text[j + 1] === '\n') j++; // CRLF is one LF
    i++;
  }
  map[i] = text.length;
  return map.subarray(0, i + 1);
}

/** Applies offset edits to a text (the edits do not overlap). */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function withLfLineEnds(model: IssueModel, reparse: (text: string) => IssueModel, compute: (model: IssueModel) => AuthoringResult): AuthoringResult {
  const text = model.text;
  if (!text.includes('\r')) return compute(model);
  const eol = text.includes('\r\n') ? '\r\n' : '\r';
  const result = compute(reparse(text.replace(/\r\n?/g, '\n')));
  if (!result.ok) return result;
  const map = lfToOriginal(text);
  const edits = result.edits.map((e) => ({ start: map[e.start], end: map[e.end], newText: e.newText.replace(/\n/g, eol) }));
  if (!result.selection) return { ok: true, edits };
  const after = lfToOriginal(applyOffsetEdits(text, edits));
  return { ok: true, edits, selection: { start: after[result.selection.start], end: after[result.selection.end] } };
}
