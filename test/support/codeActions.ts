import type { CodeAction, TextEdit } from 'vscode-languageserver-types';

/** The edits of a code action, whether sent as `changes` or as versioned `documentChanges`. */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.changes) return edit.changes[uri] ?? [];
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('edits' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  return out;
}
