/**
 * "Treat as Weekly Issue" / "Do Not Treat as Weekly Issue": the file records the choice in its own front
 * matter (`weekly: true|false`), so the CLI, the index and every editor of the repository see the same
 * thing and the heuristic no longer decides it. One edit: the editor applies it as one undoable step.
 * Hand-written: a YAML library would re-serialize the whole block (quotes, comments, key order); one
 * line written in place keeps the rest as the author wrote it.
 */
import type { OffsetEdit } from '../rules/rule';
import type { AuthoringResult } from './newPaperEntry';

/** Front matter as the parser takes it: `---` on the first line (after a BOM), up to `---` or `...`. */
const FRONT_MATTER = /^(\uFEFF?)---[ \t]*(\r?\n)([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const WEEKLY_LINE = /^weekly:[^\r\n]*/m;

/** The edit that makes the file say `weekly: <issue>`, or no edit when it says so already. */
export function issueToggleEdits(text: string, issue: boolean): AuthoringResult {
  const line = `weekly: ${issue}`;
  const match = FRONT_MATTER.exec(text);
  if (match && match.index === 0) {
    const bodyStart = match[1].length + text.slice(match[1].length).indexOf('\n') + 1;
    const body = match[3];
    const existing = WEEKLY_LINE.exec(body);
    if (existing) {
      if (existing[0].trim() === line) return { ok: true, edits: [] };
      const start = bodyStart + existing.index;
      return { ok: true, edits: [{ start, end: start + existing[0].length, newText: line }] };
    }
    // Last in the block, before the closing `---`.
    const edit: OffsetEdit = { start: bodyStart + body.length, end: bodyStart + body.length, newText: line + match[2] };
    return { ok: true, edits: [edit] };
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const at = text.startsWith('\uFEFF') ? 1 : 0;
  return { ok: true, edits: [{ start: at, end: at, newText: `---${eol}${line}${eol}---${eol}${eol}` }] };
}
