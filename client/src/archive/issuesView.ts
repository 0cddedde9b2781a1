/** The Issues view: newest first, each with its paper and problem counts; expanding lists its papers. */
import * as vscode from 'vscode';
import type { PaperRef } from '../../../server/src/service';
import type { ArchiveStore } from './archiveStore';
import { issueItem, paperItem } from './archiveItems';

type Node = { kind: 'issue'; issue: number } | { kind: 'paper'; ref: PaperRef };

export class IssuesView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: ArchiveStore) {
    store.onDidChange(() => this.changed.fire(undefined));
    // Problem counts: only when one of the listed issues' diagnostics changed.
    store.onDidChangeProblems((uris) => {
      const issues = new Set(this.store.data?.issues.map((i) => i.uri));
      if (uris.some((u) => issues.has(u.toString()))) this.changed.fire(undefined);
    });
  }

  getChildren(node?: Node): Node[] {
    const data = this.store.data;
    if (!data) return [];
    if (!node) return data.issues.map((_, issue) => ({ kind: 'issue', issue }));
    if (node.kind === 'issue') return data.issues[node.issue].papers.map((_, paper) => ({ kind: 'paper', ref: { issue: node.issue, paper } }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const data = this.store.data!;
    if (node.kind === 'issue') return issueItem(data.issues[node.issue], this.store.problems(data.issues[node.issue].uri));
    return paperItem(data, node.ref, false, 'issues');
  }
}
