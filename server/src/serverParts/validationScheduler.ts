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
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Immediate | NodeJS.Timeout>();

  constructor(private readonly hooks: SchedulerHooks, private readonly delayMs = 0) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const run = () => {
      this.pending.delete(uri);
      void this.run(uri);
    };
    this.pending.set(uri, this.delayMs > 0 ? setTimeout(run, this.delayMs) : setImmediate(run));
  }

  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle === undefined) return;
    clearTimeout(handle as NodeJS.Timeout);
    clearImmediate(handle as NodeJS.Immediate);
    this.pending.delete(uri);
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
