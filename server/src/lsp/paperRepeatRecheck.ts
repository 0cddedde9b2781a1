/**
 * paper-repeat reads the other issues' papers from the index: when a file's papers change (their
 * identities, headings or the issue's date; a file appears or goes), the open issues are checked again.
 * Only such a change counts, so typing in a summary does not re-check every open issue.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexEntry } from '../service/indexing/indexEntry';
import type { WorkspaceIndex } from '../service/indexing/workspaceIndex';

export function registerPaperRepeatRecheck(index: WorkspaceIndex, documents: TextDocuments<TextDocument>, recheck: (uri: string) => void): void {
  const signatures = new Map<string, string>();
  let pending: NodeJS.Immediate | undefined;
  const changed = new Set<string>();
  index.onDidChangeFile((uri) => {
    const signature = papersSignature(index.get(uri));
    if ((signatures.get(uri) ?? '') === signature) return;
    signatures.set(uri, signature);
    changed.add(uri);
    pending ??= setImmediate(() => {
      pending = undefined;
      const uris = new Set(changed);
      changed.clear();
      for (const doc of documents.all()) if (!uris.has(doc.uri) || uris.size > 1) recheck(doc.uri);
    });
  });
}

/** What other issues' paper-repeat findings depend on: date, headings (line and text: the related range) and identities. */
function papersSignature(entry: IndexEntry | undefined): string {
  if (!entry || !entry.looksLikeIssue || entry.papers.length === 0) return '';
  return (entry.date ?? '') + '\0' + entry.papers.map((p) => `${entry.headings[p.heading]?.line}:${entry.headings[p.heading]?.text}\u0001${p.identities.join(' ')}`).join('\n');
}
