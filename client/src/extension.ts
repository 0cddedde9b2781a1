/** The extension's entry: starts the language server and wires VS Code to it. No checking logic here. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { restartingErrorHandler } from './serverRestarts';
import { registerAuthoringCommands } from './commands';
import { registerIssueStatus } from './issueStatus/issueStatusBar';
import { registerPreview } from './preview/previewManager';
import { declaredSettingKeys, explicitSettingsMiddleware } from './configuration/explicitSettings';
import { registerArchive } from './archive';
import { markdownFileWatcher, navigationInitializationOptions, registerTrustNotifications } from './navigation/navigationClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Weekly Issues');
  context.subscriptions.push(output);
  registerPreview(context, () => client);
  const serverModule = context.asAbsolutePath('dist/extension.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    // .weekly-issues.json changes reach the server as workspace/didChangeWatchedFiles.
    // Markdown file events keep the server's workspace index current (navigation/navigationClient.ts).
    synchronize: { configurationSection: 'weekly', fileEvents: [vscode.workspace.createFileSystemWatcher('**/.weekly-issues.json'), markdownFileWatcher(context)] },
    initializationOptions: navigationInitializationOptions(context),
    middleware: explicitSettingsMiddleware(declaredSettingKeys(context.extension.packageJSON)),
    outputChannel: output,
    errorHandler: restartingErrorHandler(output),
  };
  client = new LanguageClient('weeklyIssues', 'Weekly Issues', serverOptions, clientOptions);
  registerAuthoringCommands(context, () => client);
  registerTrustNotifications(context, () => client);
  registerIssueStatus(context, () => client);
  registerArchive(context, client);
  await client.start();
  output.appendLine('Weekly Issues language server started.');
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
