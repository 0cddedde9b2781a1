/** The Papers view: every paper by name with its issue; a paper covered in two issues is listed twice. */
import * as vscode from 'vscode';
import type { PaperRef } from '../../../server/src/service';
import type { ArchiveStore } from './archiveStore';
import { paperItem } from './archiveItems';

export class PapersView implements vscode.TreeDataProvider<PaperRef> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: ArchiveStore) {
    store.onDidChange(() => this.changed.fire());
  }

  getChildren(node?: PaperRef): PaperRef[] {
    return node ? [] : (this.store.data?.papers ?? []);
  }

  getTreeItem(ref: PaperRef): vscode.TreeItem {
    return paperItem(this.store.data!, ref, true, 'papers');
  }
}
