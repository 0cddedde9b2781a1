/**
 * Asks the server to look papers up from links (lsp/paperLookups.ts), with a cancellable notification
 * (the server's own progress names the service in the status bar), and tells the editor what went wrong in
 * one line per problem: the server's messages are already in the editor's language and name the service.
 */
import * as vscode from 'vscode';
import { parsePaperLink } from '../../../server/src/service';
import { ServerCommands, type LookedUpEntry, type LookupPapersArgs, type LookupPapersResult } from '../../../server/src/protocol/commandProtocol';
import type { ClientGetter } from './serverEdits';

/** The entries in the links' order; undefined when no lookup ran (cancelled, Restricted Mode, no server): told already. */
export async function lookUpLinks(getClient: ClientGetter, doc: vscode.TextDocument, links: string[]): Promise<LookedUpEntry[] | undefined> {
  const client = getClient();
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Weekly Issues language server is not running; see the "Weekly Issues" output.'));
    return undefined;
  }
  const args: LookupPapersArgs = { uri: doc.uri.toString(), version: doc.version, links };
  const what = links.length === 1 ? shortName(links[0]) : vscode.l10n.t('{0} papers', links.length);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}…', what), cancellable: true },
    async (_progress, token) => {
      // Cancel stops waiting at once; the request's cancellation stops the server's lookups.
      const cancelled = new Promise<undefined>((resolve) => token.onCancellationRequested(() => resolve(undefined)));
      const request = client.sendRequest('workspace/executeCommand', { command: ServerCommands.lookupPapers, arguments: [args] }, token) as Promise<LookupPapersResult>;
      return Promise.race([request.catch(() => undefined), cancelled]);
    },
  );
  if (!result || result.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Lookup cancelled: go on by hand.'));
    return undefined;
  }
  if (result.error) {
    void vscode.window.showWarningMessage(result.error);
    return undefined;
  }
  const problems = result.entries.flatMap((e) => e.problems);
  if (problems.length) void vscode.window.showWarningMessage(problems.join(' · '));
  return result.entries;
}

/** `2504.12626`, `owner/repo` or the host: what the notification names. */
function shortName(link: string): string {
  const p = parsePaperLink(link);
  if (p?.kind === 'arxiv') return p.id;
  if (p?.kind === 'github') return `${p.owner}/${p.repo}`;
  return p && 'host' in p ? p.host : link;
}

/** The links in a pasted text or typed line: every word must be one (arXiv, Hugging Face, GitHub, or any http(s) page when `anyPage`). */
export function linksIn(text: string, anyPage: boolean): string[] | undefined {
  const words = text.split(/[\s,]+/).map((w) => w.trim()).filter(Boolean);
  if (words.length === 0) return undefined;
  const ok = words.every((w) => {
    const p = parsePaperLink(w);
    if (!p) return false;
    if (p.kind === 'arxiv' || p.kind === 'github') return /^https?:\/\//i.test(w) || anyPage;
    return anyPage && /^https?:\/\//i.test(w);
  });
  return ok ? words : undefined;
}
