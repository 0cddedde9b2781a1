/** What the three archive views' items look like and do: an issue, a tag, a paper (opens at its heading). */
import * as vscode from 'vscode';
import type { ArchiveData, ArchiveIssue, ArchiveTag, PaperRef } from '../../../server/src/service';
import type { ProblemCounts } from './archiveStore';

export const OPEN_AT_LINE_COMMAND = 'weekly.archive.openAt';

/** Opens a file with the cursor at the start of a line (the heading) and the line in view. */
export async function openAtLine(uri: string, line: number): Promise<void> {
  const position = new vscode.Position(line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(position, position), preview: true });
}

const openCommand = (uri: string, line: number): vscode.Command => ({ command: OPEN_AT_LINE_COMMAND, title: vscode.l10n.t('Open at Heading'), arguments: [uri, line] });

/** An issue's short name: its date, else its title. */
export function issueLabel(issue: ArchiveIssue): string {
  return issue.date ?? issue.title;
}

export function issueItem(issue: ArchiveIssue, problems: ProblemCounts): vscode.TreeItem {
  const item = new vscode.TreeItem(issue.title, issue.papers.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = `issue:${issue.uri}`;
  item.resourceUri = vscode.Uri.parse(issue.uri);
  const parts = [issue.date, vscode.l10n.t('{0} papers', issue.papers.length)];
  if (problems.errors + problems.warnings > 0) parts.push(vscode.l10n.t('{0} errors, {1} warnings', problems.errors, problems.warnings));
  item.description = parts.filter(Boolean).join(' · ');
  item.tooltip = `${issue.title}\n${item.description}`;
  item.iconPath = new vscode.ThemeIcon(problems.errors > 0 ? 'error' : problems.warnings > 0 ? 'warning' : 'book');
  item.contextValue = 'weekly.issue';
  item.command = openCommand(issue.uri, issue.line);
  return item;
}

/** A paper under its issue (Issues view) or listed with its issue (Tags and Papers views). */
export function paperItem(data: ArchiveData, ref: PaperRef, withIssue: boolean, idPrefix: string): vscode.TreeItem {
  const issue = data.issues[ref.issue];
  const paper = issue.papers[ref.paper];
  const item = new vscode.TreeItem(paper.name, vscode.TreeItemCollapsibleState.None);
  item.id = `${idPrefix}:${issue.uri}#${ref.paper}`;
  item.description = withIssue ? issueLabel(issue) : paper.tags.map((t) => `#${t}`).join(' ');
  item.tooltip = `${paper.name} — ${issue.title}${paper.tags.length ? `\n${paper.tags.map((t) => `#${t}`).join(' ')}` : ''}`;
  item.iconPath = new vscode.ThemeIcon('file-text');
  item.contextValue = 'weekly.paper';
  item.command = openCommand(issue.uri, paper.line);
  return item;
}

export function tagItem(tag: ArchiveTag): vscode.TreeItem {
  const item = new vscode.TreeItem(`#${tag.name}`, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `tag:${tag.name}`;
  item.description = String(tag.count);
  item.tooltip = vscode.l10n.t('#{0}: {1} papers in {2} issues', tag.name, tag.count, tag.issues);
  item.iconPath = new vscode.ThemeIcon('tag');
  item.contextValue = 'weekly.tag';
  return item;
}
