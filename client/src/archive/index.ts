/**
 * The archive at a glance (issue 18): the "Weekly Issues" view container's Issues, Tags and Papers views,
 * their commands (open at a heading, sort and filter tags, Rename Tag…, Show in Chart) and Weekly: Show
 * Tag Trends. The data comes from the server (archiveStore.ts); extension.ts calls `registerArchive` once.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isValidTagName, type TagSort } from '../../../server/src/service';
import { ArchiveStore } from './archiveStore';
import { OPEN_AT_LINE_COMMAND, openAtLine } from './archiveItems';
import { IssuesView } from './issuesView';
import { PapersView } from './papersView';
import { TagsView, type TagNode } from './tagsView';
import { TagTrendsPanel } from './tagTrendsPanel';

export function registerArchive(context: vscode.ExtensionContext, client: LanguageClient): void {
  const store = new ArchiveStore(client);
  const tags = new TagsView(store, context.workspaceState);
  const tagsView = vscode.window.createTreeView('weekly.tags', { treeDataProvider: tags, showCollapseAll: true });
  const register = (id: string, run: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  context.subscriptions.push(
    store,
    tagsView,
    vscode.window.createTreeView('weekly.issues', { treeDataProvider: new IssuesView(store), showCollapseAll: true }),
    vscode.window.createTreeView('weekly.papers', { treeDataProvider: new PapersView(store) }),
  );
  const updateMessage = () => (tagsView.message = tags.filter ? vscode.l10n.t('Tags containing "{0}"', tags.filter) : undefined);

  const revealTag = async (name: string) => {
    if (tags.filter && !tags.nodeOf(name)) {
      tags.setFilter('');
      updateMessage();
    }
    await vscode.commands.executeCommand('weekly.tags.focus');
    const node = tags.nodeOf(name);
    if (node) await tagsView.reveal(node, { select: true, focus: true, expand: true });
  };
  const showTrends = (highlight?: string) => TagTrendsPanel.show({ extensionUri: context.extensionUri, client, store, revealTag: (tag) => void revealTag(tag) }, highlight);

  register(OPEN_AT_LINE_COMMAND, (uri: string, line: number) => openAtLine(uri, line));
  register('weekly.tags.sortByName', () => tags.setSort('name' satisfies TagSort));
  register('weekly.tags.sortByCount', () => tags.setSort('count' satisfies TagSort));
  // An argument is the filter itself (the end-to-end suite gives it); without, an input box asks.
  register('weekly.tags.filter', async (given?: string) => {
    const filter =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({ title: vscode.l10n.t('Filter Tags'), prompt: vscode.l10n.t('Show the tags whose name contains this text (empty: all tags).'), value: tags.filter });
    if (filter === undefined) return;
    tags.setFilter(filter);
    updateMessage();
  });
  register('weekly.tags.clearFilter', () => {
    tags.setFilter('');
    updateMessage();
  });
  // From the context menu the second argument is the view's selection: only a string is a given name.
  register('weekly.tags.rename', (node?: TagNode, newName?: unknown) => renameTag(node, typeof newName === 'string' ? newName : undefined));
  register('weekly.tags.showInChart', (node?: TagNode) => showTrends(node?.kind === 'tag' ? node.tag.name : undefined));
  register('weekly.showTagTrends', () => showTrends());
  register('weekly.archive.refresh', () => store.refresh());
  register('weekly.tags.reveal', (name: string) => revealTag(name));
}

/**
 * Rename Tag… from the Tags view: the server's workspace rename at one occurrence of the tag (the same as
 * F2 on it), applied as one workspace edit, so one undo takes it back in every issue.
 */
async function renameTag(node: TagNode | undefined, given?: string): Promise<boolean> {
  if (node?.kind !== 'tag' || !node.tag.at) return false;
  const { name, at } = node.tag;
  const newName =
    given ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename Tag #{0}', name),
      prompt: vscode.l10n.t('The new name, in every issue ({0} papers).', node.tag.count),
      value: name,
      // Stays open when the tree takes the focus back as the context menu closes.
      ignoreFocusOut: true,
      validateInput: (v) => (isValidTagName(v.trim().replace(/^#/, '')) ? undefined : vscode.l10n.t('Use letters, digits, marks, "-", "_", "+" or "." (no spaces).')),
    }));
  if (newName === undefined || newName.trim().replace(/^#/, '') === name) return false;
  // After the `#`: the tag's own characters are where the rename provider finds it.
  const position = new vscode.Position(at.line, at.character + 1);
  let edit: vscode.WorkspaceEdit | undefined;
  try {
    // The document loaded first: VS Code 1.139 passes the new name wrongly to the rename provider of a file
    // it has no model of yet (registerModelAndPositionCommand gives `args.slice(2)` as one array).
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(at.uri));
    edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', document.uri, position, newName.trim());
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot rename #{0}: {1}', name, String((err as Error).message ?? err)));
    return false;
  }
  if (!edit || edit.size === 0) return false;
  return vscode.workspace.applyEdit(edit);
}
