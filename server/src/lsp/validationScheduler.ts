import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface SchedulerHooks {
  getDocument(uri: string): TextDocument | undefined;
  /**
   * Work before a check (the document's settings). A value means they are known (the check runs in the
   * same turn); a promise is awaited, and the check runs only if the version is still current.
   */
  prepare(uri: string): unknown;
  validate(doc: TextDocument): Diagnostic[];
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/**
 * Why a document is checked: `open` (a newly opened document: checked at once), `edit` (its text changed:
 * bursts wait), `recheck` (something it depends on changed: settings, other files; checked at once, and
 * with `quiet` published only if its diagnostics changed).
 */
export type CheckReason = 'open' | 'edit' | 'recheck';

/**
 * Runs one check per document at a time, on the newest version only: a burst of changes coalesces
 * into one check, and a result for a version that is no longer current is dropped, never published.
 * With `burstGapMs`, only edits that come closer together than that (a paste, a multi-cursor edit,
 * changes queued behind a long check) wait `delayMs`; an edit after a pause, such as a keystroke, is
 * checked on the next turn, so typing sees its diagnostics without a fixed delay. A newly opened
 * document and a recheck never wait for the burst delay (issue 13: the first answer).
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, { handle: NodeJS.Immediate | NodeJS.Timeout; quiet: boolean; reason: CheckReason }>();
  private readonly lastChange = new Map<string, number>();
  /**
   * What was last published per document, to leave out a quiet recheck that found the same. Its JSON is
   * made only when a quiet recheck compares (at ×200, 200 diagnostics stringified on every keystroke
   * for a comparison that keystrokes never make).
   */
  private readonly lastPublished = new Map<string, { version: number; diagnostics: Diagnostic[]; key?: string }>();

  constructor(private readonly hooks: SchedulerHooks, private readonly delayMs = 0, private readonly burstGapMs = 0) {}

  schedule(uri: string, reason: CheckReason = 'edit', options: { quiet?: boolean } = {}): void {
    const before = this.pending.get(uri);
    // LSP's TextDocuments fires a content change right after each open: the open's immediate check (which
    // reads the newest version when it runs) covers it; counting it as an edit would debounce the first check.
    if (reason === 'edit' && before?.reason === 'open') return;
    // A quiet recheck that joins a pending check (or is joined by one) must not silence it.
    const quiet = reason === 'recheck' && !!options.quiet && (!before || before.quiet);
    this.cancel(uri);
    const run = () => {
      this.pending.delete(uri);
      void this.run(uri, quiet);
    };
    let delay = 0;
    const now = performance.now();
    if (reason === 'edit') {
      const previous = this.lastChange.get(uri);
      const afterPause = this.burstGapMs > 0 && (previous === undefined || now - previous >= this.burstGapMs);
      delay = afterPause ? 0 : this.delayMs;
    }
    if (reason !== 'recheck') this.lastChange.set(uri, now);
    this.pending.set(uri, { handle: delay > 0 ? setTimeout(run, delay) : setImmediate(run), quiet, reason });
  }

  /** Checks a document now (a pending check of it is dropped): resolves once published or found unchanged. */
  checkNow(uri: string, options: { quiet?: boolean } = {}): Promise<void> {
    this.cancel(uri);
    return this.run(uri, !!options.quiet);
  }

  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (entry === undefined) return;
    clearTimeout(entry.handle as NodeJS.Timeout);
    clearImmediate(entry.handle as NodeJS.Immediate);
    this.pending.delete(uri);
  }

  /** Forget a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.lastPublished.delete(uri);
  }

  private async run(uri: string, quiet: boolean): Promise<void> {
    const before = this.hooks.getDocument(uri);
    if (!before) return;
    const version = before.version;
    try {
      const ready = this.hooks.prepare(uri);
      if (ready instanceof Promise) await ready;
      const doc = this.hooks.getDocument(uri);
      if (!doc || doc.version !== version || this.pending.has(uri)) return; // a newer change will be checked
      const diagnostics = this.hooks.validate(doc);
      const last = this.lastPublished.get(uri);
      let key: string | undefined;
      if (quiet && last?.version === version) {
        key = JSON.stringify(diagnostics);
        if ((last.key ??= JSON.stringify(last.diagnostics)) === key) return;
      }
      this.lastPublished.set(uri, { version, diagnostics, key });
      this.hooks.publish(uri, version, diagnostics);
    } catch (err) {
      this.hooks.log(`checking ${uri} failed: ${(err as Error).stack ?? err}`);
    }
  }
}
