import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface SchedulerHooks {
  getDocument(uri: string): TextDocument | undefined;
  /** Async work before a check (fetching settings); the check runs only if the version is still current. */
  prepare(uri: string): Promise<unknown>;
  validate(doc: TextDocument): Diagnostic[];
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/**
 * Runs one check per document at a time, on the newest version only: a burst of changes coalesces
 * into one check, and a result for a version that is no longer current is dropped, never published.
 * With `burstGapMs`, only changes that come closer together than that (a paste, a multi-cursor edit,
 * changes queued behind a long check) wait `delayMs`; a change after a pause, such as a keystroke, is
 * checked on the next turn, so typing sees its diagnostics without a fixed delay.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();

  constructor(private readonly hooks: SchedulerHooks, private readonly delayMs = 0, private readonly burstGapMs = 0) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const run = () => {
      this.pending.delete(uri);
      void this.run(uri);
    };
    const now = performance.now();
    const previous = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    const afterPause = this.burstGapMs > 0 && (previous === undefined || now - previous >= this.burstGapMs);
    const delay = afterPause ? 0 : this.delayMs;
    this.pending.set(uri, delay > 0 ? setTimeout(run, delay) : setImmediate(run));
  }

  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle === undefined) return;
    clearTimeout(handle as NodeJS.Timeout);
    clearImmediate(handle as NodeJS.Immediate);
    this.pending.delete(uri);
  }

  /** Forget a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const before = this.hooks.getDocument(uri);
    if (!before) return;
    const version = before.version;
    try {
      await this.hooks.prepare(uri);
      const doc = this.hooks.getDocument(uri);
      if (!doc || doc.version !== version || this.pending.has(uri)) return; // a newer change will be checked
      const diagnostics = this.hooks.validate(doc);
      this.hooks.publish(uri, version, diagnostics);
    } catch (err) {
      this.hooks.log(`checking ${uri} failed: ${(err as Error).stack ?? err}`);
    }
  }
}
