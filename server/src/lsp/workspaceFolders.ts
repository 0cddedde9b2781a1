/**
 * Workspace folders added or removed after start-up (`workspace/didChangeWorkspaceFolders`): the server's
 * roots are updated, then the index reads an added folder and drops a removed one's files (navigation.ts),
 * and open documents are checked again (tag counts, other files' anchors and site roots depend on them).
 */
import { DidChangeWorkspaceFoldersNotification, type Connection, type WorkspaceFolder } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';

/**
 * Announced in `initialize`. With `changeNotifications: true` the client sends the notification without
 * being asked through dynamic registration.
 */
export const workspaceFolderCapabilities = { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } };

/** The file-system paths of `file:` workspace folders (others cannot hold files the server reads). */
export function folderPaths(folders: readonly WorkspaceFolder[] | null | undefined): string[] {
  return (folders ?? [])
    .map((f) => URI.parse(f.uri))
    .filter((u) => u.scheme === 'file')
    .map((u) => u.fsPath);
}

export interface WorkspaceFoldersOptions {
  connection: Connection;
  roots(): readonly string[];
  setRoots(roots: string[]): void;
  /** The roots changed: index what was added, drop what was removed. */
  changed(added: string[], removed: string[]): void;
}

/**
 * Listens for folder changes. Call it from the `initialize` handler: the library's own workspace-folder
 * feature installs its handler for this notification just before that handler runs (when the client
 * supports folders), and a connection keeps one handler per notification, so ours must come after it.
 * Its `onDidChangeWorkspaceFolders` event cannot be used there: read during `initialize`, it asks the
 * client to register the notification before the server has even answered.
 */
export function listenToWorkspaceFolders({ connection, roots, setRoots, changed }: WorkspaceFoldersOptions): void {
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event }) => {
    const removed = folderPaths(event?.removed).filter((r) => roots().includes(r));
    const kept = roots().filter((r) => !removed.includes(r));
    const added = [...new Set(folderPaths(event?.added))].filter((a) => !kept.includes(a));
    if (added.length === 0 && removed.length === 0) return;
    setRoots([...kept, ...added]);
    changed(added, removed);
  });
}
