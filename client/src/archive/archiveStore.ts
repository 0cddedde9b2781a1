/**
 * The archive's data on the client: asked of the server (weekly/archive) when it starts and whenever it
 * says the data changed (weekly/archiveChanged, sent only when what the views show changed), and the
 * problem counts per issue from the same diagnostics as the Problems panel.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ArchiveMessages, type ArchiveChangedParams } from '../../../server/src/protocol/commandProtocol';
import type { ArchiveData } from '../../../server/src/service';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export class ArchiveStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly problemsChanged = new vscode.EventEmitter<readonly vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problemsChanged];
  private asked = 0;
  /** The data shown, undefined until the server first answers. */
  data: ArchiveData | undefined;
  readonly onDidChange = this.changed.event;
  /** Diagnostics changed for these files (the Issues view updates their problem counts). */
  readonly onDidChangeProblems = this.problemsChanged.event;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      client.onNotification(ArchiveMessages.changed, (p: ArchiveChangedParams) => {
        if (!this.data || p.version !== this.data.version) void this.refresh();
      }),
      client.onDidChangeState((e) => e.newState === State.Running && void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => this.problemsChanged.fire(e.uris)),
    );
    if (client.isRunning()) void this.refresh();
  }

  /** Asks the server again; an older answer that arrives late is dropped. */
  async refresh(): Promise<void> {
    const ask = ++this.asked;
    try {
      const data = await this.client.sendRequest<ArchiveData>(ArchiveMessages.data);
      if (ask !== this.asked) return;
      this.data = data;
      this.changed.fire();
    } catch {
      // the server restarts or stops: its next start asks again
    }
  }

  problems(uri: string): ProblemCounts {
    const counts = { errors: 0, warnings: 0 };
    for (const d of vscode.languages.getDiagnostics(vscode.Uri.parse(uri))) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    }
    return counts;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
