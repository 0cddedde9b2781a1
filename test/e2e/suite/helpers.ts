/**
 * Helpers for extension-host suites (files named *.test.ts beside this one). They run inside a real
 * VS Code extension host, against the packaged extension, in a throwaway copy of examples/.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'weekly-issues.weekly-issues';
export const SAMPLE_ISSUE = 'ai-weekly-sample.md';

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host suite needs a workspace folder (the harness opens a copy of examples/)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function readWorkspaceFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
}

/**
 * Writes a variant of a workspace file (e.g. the sample issue with one anchor broken) under a new
 * name and returns its URI. `edit` must change the text: a variant equal to its source is a test bug.
 */
export async function writeVariant(source: string, name: string, edit: (text: string) => string): Promise<vscode.Uri> {
  const original = await readWorkspaceFile(source);
  const text = edit(original);
  if (text === original) throw new Error(`the edit for ${name} left ${source} unchanged`);
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** The extension, activated (opening a Markdown file activates it; this also waits for that). */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this extension host`);
  await ext.activate();
  return ext;
}

/** Waits until the document has a diagnostic from our server matching `predicate`. */
export function waitForDiagnostic(uri: vscode.Uri, predicate: (d: vscode.Diagnostic) => boolean, timeoutMs?: number): Promise<vscode.Diagnostic> {
  return waitFor(`a matching diagnostic on ${uri.path}`,
    () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'weekly' && predicate(d)), timeoutMs);
}

export function diagnosticCode(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Line and UTF-16 column range of the first occurrence of `needle` in `text` (for exact range asserts). */
export function rangeOf(text: string, needle: string): vscode.Range {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, at).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return new vscode.Range(line, character, line, character + needle.length);
}

/** Closes every editor without saving, so suites do not see each other's documents. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
