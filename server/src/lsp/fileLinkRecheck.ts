/**
 * Open documents that link to another file are checked again when that file changes (an edit in its
 * open document, a save, a new or deleted file): broken-file-link and broken-file-anchor depend on it.
 * The index tells which file changed; an open document's index entry lists its links to Markdown files.
 * Only a change that can alter the answer counts (the file appeared or went, its headings or ids
 * changed), so typing in one issue does not re-check every issue that links to it on each pause.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IndexEntry } from '../service/indexing/indexEntry';
import type { WorkspaceIndex } from '../service/indexing/workspaceIndex';

export interface FileLinkRecheckOptions {
  index: WorkspaceIndex;
  documents: TextDocuments<TextDocument>;
  /** Forget a document's findings and check it again. */
  recheck(uri: string): void;
}

export function registerFileLinkRecheck({ index, documents, recheck }: FileLinkRecheckOptions): void {
  const signatures = new Map<string, string>();
  const changed = new Set<string>();
  let pending: NodeJS.Immediate | undefined;
  index.onDidChangeFile((uri) => {
    const signature = anchorSignature(index.get(uri));
    // The first change of a file has nothing to compare with (the build keeps no signatures): it counts.
    if (signatures.get(uri) === signature) return;
    signatures.set(uri, signature);
    changed.add(uri);
    // Changes come in bursts (a folder of files, a build batch): one pass over the open documents.
    pending ??= setImmediate(() => {
      pending = undefined;
      const uris = new Set(changed);
      changed.clear();
      for (const doc of documents.all()) {
        if (!uris.has(doc.uri) && linksToAny(index, doc.uri, uris)) recheck(doc.uri);
      }
    });
  });
}

const GONE = '\0gone';

/** What other files' links depend on: whether the file is there, its headings and its HTML ids. */
function anchorSignature(entry: IndexEntry | undefined): string {
  if (!entry) return GONE;
  const ids = entry.text.match(/\b(?:id|name)\s*=\s*["']?[^"'\s>]*/gi) ?? [];
  return entry.headings.map((h) => h.text).join('\n') + '\0' + ids.join('\n');
}

function linksToAny(index: WorkspaceIndex, uri: string, targets: ReadonlySet<string>): boolean {
  const entry = index.get(uri);
  if (!entry) return false;
  return entry.fileLinks.some((link) => {
    const target = index.resolveLink(uri, link.path);
    return target !== undefined && targets.has(target);
  });
}
