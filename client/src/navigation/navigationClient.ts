/**
 * What the language server's completion, hover and workspace index need from VS Code: Markdown file
 * events (the index follows files changed outside the editor), workspace trust (hover previews fetch
 * from the web only in trusted workspaces) and a folder for the preview cache.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The server's notification when trust changes (server/src/lsp/navigation.ts). */
const TRUST_NOTIFICATION = 'weekly/workspaceTrust';

export function markdownFileWatcher(context: vscode.ExtensionContext): vscode.FileSystemWatcher {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
  context.subscriptions.push(watcher);
  return watcher;
}

/** Previews are cached where lookups, link checks and the CLI cache their answers (the server's default folder). */
export function navigationInitializationOptions(_context: vscode.ExtensionContext): Record<string, unknown> {
  return { workspaceTrusted: vscode.workspace.isTrusted };
}

/** Tells the server when the user grants trust (VS Code has no event for losing it: a reload follows). */
export function registerTrustNotifications(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client()?.sendNotification(TRUST_NOTIFICATION, { trusted: true })),
  );
}
