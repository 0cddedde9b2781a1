import type { Connection, FileEvent } from 'vscode-languageserver/node';

export type WatchedFilesListener = (changes: readonly FileEvent[]) => void | Promise<void>;

const listeners = new Map<Connection, WatchedFilesListener[]>();

/**
 * `workspace/didChangeWatchedFiles` for several parts of the server: a connection keeps only the last
 * handler given to `onDidChangeWatchedFiles`, so each part adds a listener here instead. A listener's
 * error is logged and does not stop the others.
 */
export function onWatchedFiles(connection: Connection, listener: WatchedFilesListener): void {
  let list = listeners.get(connection);
  if (!list) {
    const fresh: WatchedFilesListener[] = [];
    list = fresh;
    listeners.set(connection, fresh);
    connection.onDidChangeWatchedFiles((params) => {
      const report = (err: unknown) => connection.console.error(`watched files: ${(err as Error)?.stack ?? err}`);
      for (const l of fresh) {
        try {
          void Promise.resolve(l(params.changes)).catch(report);
        } catch (err) {
          report(err);
        }
      }
    });
  }
  list.push(listener);
}
