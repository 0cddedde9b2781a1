/**
 * One preview panel: its webview page (strict CSP, our script by nonce), live updates of the document it
 * shows, scroll sync with that document's editor both ways, and the clicks the page reports.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { renderModule } from './renderer';
import type { FromWebview, ToWebview } from './messages';
import { isUnder, localRoots, type IssueRenderer } from './issueRenderer';
import type { WechatCopier } from './publishCommands';

export const PREVIEW_VIEW_TYPE = 'weekly.preview';
/**
 * Typing pauses shorter than this are one render: fast enough to feel live, rare enough to stay cheap (a
 * keystroke's render re-parses one section: a few ms, see bench/render.ts).
 */
const RENDER_DELAY_MS = 60;

export class PreviewPanel implements vscode.Disposable {
  private document: vscode.TextDocument;
  private timer: NodeJS.Timeout | undefined;
  private pageReady = false;
  private disposed = false;
  private renderedVersion = -1;
  /** Updates went out since the page was built: a webview rebuilt from its HTML (hidden, shown) lacks them. */
  private updatedSinceLoad = false;
  /** Copy for WeChat was run before the page was up: point at the button once it is. */
  private copyOffered = false;
  /**
   * The line we last scrolled the editor to, for the preview. The editor's visible-range events that find it
   * there (±1: reveal rounds) are the echo of our own reveal and must not scroll the preview back; the first
   * event elsewhere is the user's. By position rather than a time window, which a busy machine outruns.
   */
  private lastRevealedLine: number | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    private readonly renderer: IssueRenderer,
    private readonly extensionUri: vscode.Uri,
    public locked: boolean,
    private readonly copier?: WechatCopier,
  ) {
    this.document = document;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromWebview) => void this.onMessage(m)),
      panel.onDidChangeViewState(() => panel.visible && this.schedule(0)),
    );
    this.loadPage();
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  /** Show another document (the active editor changed, or the user opened a preview of another file). */
  showDocument(document: vscode.TextDocument): void {
    if (document.uri.toString() === this.document.uri.toString()) return;
    this.document = document;
    this.loadPage();
  }

  setLocked(locked: boolean): void {
    this.locked = locked;
    this.updateTitle();
  }

  /** The document changed: render again once typing pauses. */
  documentChanged(document: vscode.TextDocument): void {
    if (document.uri.toString() === this.document.uri.toString()) this.schedule(RENDER_DELAY_MS);
  }

  /** The document's editor scrolled: follow it, unless the scroll is the echo of our own reveal. */
  editorScrolled(editor: vscode.TextEditor): void {
    if (editor.document.uri.toString() !== this.document.uri.toString() || !this.pageReady) return;
    const line = topLine(editor);
    if (line === undefined) return;
    if (this.lastRevealedLine !== undefined && Math.abs(line - this.lastRevealedLine) <= 1) return;
    this.lastRevealedLine = undefined;
    this.post({ type: 'scrollToLine', line });
  }

  /** Settings, trust or theme changed what the page itself holds (CSP, image policy): build it again. */
  reload(): void {
    this.loadPage();
  }

  private loadPage(): void {
    const webview = this.panel.webview;
    const roots = localRoots(this.document);
    webview.options = {
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [...roots, vscode.Uri.joinPath(this.extensionUri, 'dist')],
    };
    this.pageReady = false;
    this.updatedSinceLoad = false;
    const { buildPage, createNonce, escapeHtml } = renderModule();
    const nonce = createNonce();
    let rendered: ReturnType<PreviewPanel['render']>;
    try {
      rendered = this.render();
    } catch (err) {
      // A renderer bug must not leave a blank panel: say what failed, in text only.
      const message = escapeHtml(String((err as Error).message ?? err));
      rendered = { html: `<p class="render-failed">${message}</p>`, title: '', lang: 'en', counts: { errors: 0, warnings: 0, infos: 0 } };
    }
    webview.html = buildPage({
      title: rendered.title,
      lang: rendered.lang,
      bodyHtml: rendered.html,
      nonce,
      resourceSource: webview.cspSource,
      remoteImages: this.remoteImagesAllowed(),
      scriptSrcs: [webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview.js')).toString()],
    });
    this.updateTitle();
  }

  private render() {
    const webview = this.panel.webview;
    const roots = localRoots(this.document);
    const remote = this.remoteImagesAllowed();
    this.renderedVersion = this.document.version;
    return this.renderer.render({
      document: this.document,
      image: (source) => {
        if (source.kind === 'remote') return source.secure && remote ? source.url : undefined;
        if (source.kind === 'local' && isUnder(source.path, roots)) return webview.asWebviewUri(vscode.Uri.file(source.path)).toString();
        return undefined;
      },
    });
  }

  private remoteImagesAllowed(): boolean {
    const setting = vscode.workspace.getConfiguration('weekly', this.document.uri).get<boolean>('preview.remoteImages', true);
    return vscode.workspace.isTrusted && setting !== false;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.panel.visible || this.renderedVersion === this.document.version) return;
      this.pushUpdate();
    }, delay);
  }

  private pushUpdate(): void {
    try {
      const rendered = this.render();
      this.updatedSinceLoad = true;
      this.post({ type: 'update', html: rendered.html, version: this.document.version });
    } catch (err) {
      // A renderer bug must not take the extension host down; the last good page stays.
      console.error('weekly preview: render failed', err);
    }
  }

  private updateTitle(): void {
    const name = path.basename(this.document.uri.path);
    this.panel.title = this.locked ? vscode.l10n.t('[Locked] Preview {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Copy for WeChat from the palette: the page shows its button (the write must start on a click there). */
  offerCopy(): void {
    if (this.pageReady) this.post({ type: 'offerCopy' });
    else this.copyOffered = true;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(message: FromWebview): Promise<void> {
    switch (message?.type) {
      case 'ready': {
        this.pageReady = true;
        if (this.copier) this.post({ type: 'toolbar', copyLabel: vscode.l10n.t('Copy for WeChat'), copyTitle: vscode.l10n.t('Copy the issue as WeChat rich text (inline styles, links as notes)') });
        if (this.copyOffered) this.post({ type: 'offerCopy' });
        this.copyOffered = false;
        const editor = this.editor();
        const line = editor && topLine(editor);
        if (line !== undefined && line > 0) this.post({ type: 'scrollToLine', line });
        // The text may have changed while the page loaded, or the page was rebuilt from older HTML.
        if (this.updatedSinceLoad || this.renderedVersion !== this.document.version) this.pushUpdate();
        return;
      }
      case 'previewScrolled': {
        const editor = this.editor();
        if (!editor || !Number.isFinite(message.line)) return;
        const line = Math.max(0, Math.min(Math.floor(message.line), this.document.lineCount - 1));
        this.lastRevealedLine = line;
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'revealLine': {
        if (!Number.isFinite(message.line)) return;
        const line = Math.max(0, Math.min(Math.floor(message.line), this.document.lineCount - 1));
        const column = this.editor()?.viewColumn ?? vscode.ViewColumn.One;
        const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, preserveFocus: false });
        const at = new vscode.Range(line, 0, line, 0);
        editor.selection = new vscode.Selection(at.start, at.start);
        editor.revealRange(at, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'openExternal':
        // Only web and mail links leave VS Code; anything else the page might claim is ignored.
        if (typeof message.href === 'string' && /^(https?|mailto):/i.test(message.href)) {
          await vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        }
        return;
      case 'openLink':
        await this.openRelative(message.href);
        return;
      case 'copyForWeChat': {
        const html = await this.copier?.prepare(this.document).catch(() => undefined);
        this.post(html === undefined ? { type: 'clipboardCancel' } : { type: 'clipboardContent', html });
        return;
      }
      case 'copyDone':
        this.copier?.copied();
        return;
      case 'copyFailed':
        this.copier?.failed(this.document, String(message.error));
        return;
    }
  }

  /** A relative link to another file: opened in VS Code when it lies inside the workspace. */
  private async openRelative(href: unknown): Promise<void> {
    if (typeof href !== 'string' || this.document.uri.scheme !== 'file') return;
    const filePart = href.replace(/[?#].*$/, '');
    if (!filePart) return;
    let decoded = filePart;
    try {
      decoded = decodeURIComponent(filePart);
    } catch {
      // keep as written
    }
    const target = path.resolve(path.dirname(this.document.uri.fsPath), decoded);
    if (!isUnder(target, localRoots(this.document))) return;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target), vscode.ViewColumn.One);
  }

  private editor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document.uri.toString());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    this.panel.dispose();
  }
}

function topLine(editor: vscode.TextEditor): number | undefined {
  return editor.visibleRanges[0]?.start.line;
}
