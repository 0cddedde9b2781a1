/**
 * The preview's commands and its life: one panel that follows the active Markdown editor, or stays on
 * its file when locked; live updates, editor scroll and settings changes are routed to it.
 */
import * as vscode from 'vscode';
import { exportIssueAsHtml } from './exportHtml';
import { IssueRenderer } from './issueRenderer';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './previewPanel';
import { watchConfigFiles } from '../configuration/effectiveConfig';
import { exportForEmail, publishDocument, wechatCopier, type ClientGetter } from './publishCommands';

export const PREVIEW_COMMANDS = {
  open: 'weekly.preview.open',
  openToSide: 'weekly.preview.openToSide',
  toggleLock: 'weekly.preview.toggleLock',
  exportHtml: 'weekly.preview.exportHtml',
  copyForWeChat: 'weekly.publish.copyForWeChat',
  exportForEmail: 'weekly.publish.exportForEmail',
} as const;
const LOCKED_CONTEXT = 'weekly.previewLocked';

export class PreviewManager implements vscode.Disposable {
  private panel: PreviewPanel | undefined;
  private readonly renderer = new IssueRenderer();
  private readonly disposables: vscode.Disposable[] = [this.renderer];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly getClient: ClientGetter = () => undefined,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(PREVIEW_COMMANDS.copyForWeChat, (uri?: vscode.Uri) => this.copyForWeChat(uri)),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.exportForEmail, async (uri?: vscode.Uri, target?: vscode.Uri) => {
        const document = await publishDocument(uri, this.panel?.uri);
        return document && exportForEmail(this.getClient, document, target);
      }),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.open, (uri?: vscode.Uri) => this.open(uri, false)),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.openToSide, (uri?: vscode.Uri) => this.open(uri, true)),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.toggleLock, () => this.toggleLock()),
      vscode.commands.registerCommand(PREVIEW_COMMANDS.exportHtml, (uri?: vscode.Uri) => this.exportHtml(uri)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => this.panel?.documentChanged(e.document)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.panel?.editorScrolled(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('weekly')) return;
        this.renderer.reset();
        this.panel?.reload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.panel?.reload()),
      watchConfigFiles(() => {
        this.renderer.reset();
        this.panel?.reload();
      }),
    );
  }

  /** The previewed document's URI, for tests and for commands run from the preview's title bar. */
  get previewedUri(): vscode.Uri | undefined {
    return this.panel?.uri;
  }

  private async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const document = await this.markdownDocument(uri);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to preview it.'));
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.showDocument(document);
      this.panel.panel.reveal(column, toSide);
      return;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Preview'),
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [] },
    );
    const panel = new PreviewPanel(webviewPanel, document, this.renderer, this.extensionUri, false, wechatCopier(this.getClient));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, false);
    });
    this.panel = panel;
    void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, false);
  }

  /**
   * From the palette: a page may put rich text on the clipboard only on a click in it, so the preview is
   * shown with its Copy for WeChat button pointed out; the browser is the way round when that fails.
   */
  private async copyForWeChat(uri: vscode.Uri | undefined): Promise<void> {
    const document = await publishDocument(uri, this.panel?.uri);
    if (!document) return;
    if (this.panel) {
      this.panel.showDocument(document);
      this.panel.panel.reveal(undefined, false); // where it is: the editor stays beside it
    } else {
      await this.open(document.uri, true);
    }
    this.panel?.offerCopy();
    void vscode.window.showInformationMessage(vscode.l10n.t('Click "Copy for WeChat" at the top of the preview: a page can put rich text on the clipboard only on a click.'));
  }

  private toggleLock(): void {
    if (!this.panel) return;
    this.panel.setLocked(!this.panel.locked);
    void vscode.commands.executeCommand('setContext', LOCKED_CONTEXT, this.panel.locked);
    if (!this.panel.locked) this.follow(vscode.window.activeTextEditor);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || this.panel.locked || !editor || editor.document.languageId !== 'markdown') return;
    this.panel.showDocument(editor.document);
  }

  private async exportHtml(uri: vscode.Uri | undefined): Promise<void> {
    const document = await this.markdownDocument(uri ?? this.activeOrPreviewed());
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to export it.'));
      return;
    }
    await exportIssueAsHtml(document, this.renderer);
  }

  /** With the preview focused there is no active text editor: the previewed file is meant. */
  private activeOrPreviewed(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.languageId === 'markdown') return active.uri;
    return this.panel?.uri;
  }

  private async markdownDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      return open ?? (await vscode.workspace.openTextDocument(uri));
    }
    const active = vscode.window.activeTextEditor?.document;
    return active?.languageId === 'markdown' ? active : undefined;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Registers the preview's commands; the one call extension.ts makes. */
export function registerPreview(context: vscode.ExtensionContext, getClient?: ClientGetter): PreviewManager {
  const manager = new PreviewManager(context.extensionUri, getClient);
  context.subscriptions.push(manager);
  return manager;
}
