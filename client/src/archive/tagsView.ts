/**
 * The Tags view: tags by use (count beside each) or by name, narrowed by a filter (Filter Tags…; the
 * view's own find also works); expanding lists the papers using the tag with their issue.
 */
import * as vscode from 'vscode';
import { filterTags, sortTags, type ArchiveTag, type PaperRef, type TagSort } from '../../../server/src/service';
import type { ArchiveStore } from './archiveStore';
import { paperItem, tagItem } from './archiveItems';

export type TagNode = { kind: 'tag'; tag: ArchiveTag } | { kind: 'use'; tag: string; ref: PaperRef };

const SORT_KEY = 'weekly.tags.sort';

export class TagsView implements vscode.TreeDataProvider<TagNode> {
  private readonly changed = new vscode.EventEmitter<TagNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes = new Map<string, TagNode & { kind: 'tag' }>();
  sort: TagSort;
  filter = '';

  constructor(private readonly store: ArchiveStore, private readonly memento: vscode.Memento) {
    this.sort = memento.get<TagSort>(SORT_KEY) === 'name' ? 'name' : 'count';
    void vscode.commands.executeCommand('setContext', SORT_KEY, this.sort);
    store.onDidChange(() => this.update());
  }

  setSort(sort: TagSort): void {
    this.sort = sort;
    void this.memento.update(SORT_KEY, sort);
    void vscode.commands.executeCommand('setContext', SORT_KEY, sort);
    this.update();
  }

  setFilter(filter: string): void {
    this.filter = filter.trim();
    void vscode.commands.executeCommand('setContext', 'weekly.tags.filtered', this.filter !== '');
    this.update();
  }

  /** The node of a tag shown now (for TreeView.reveal), if the filter lets it through. */
  nodeOf(name: string): TagNode | undefined {
    return this.nodes.get(name);
  }

  getChildren(node?: TagNode): TagNode[] {
    const data = this.store.data;
    if (!data) return [];
    if (!node) return [...this.nodes.values()];
    if (node.kind === 'tag') return node.tag.uses.map((ref) => ({ kind: 'use', tag: node.tag.name, ref }));
    return [];
  }

  getParent(node: TagNode): TagNode | undefined {
    return node.kind === 'use' ? this.nodes.get(node.tag) : undefined;
  }

  getTreeItem(node: TagNode): vscode.TreeItem {
    if (node.kind === 'tag') return tagItem(node.tag);
    return paperItem(this.store.data!, node.ref, true, `tag:${node.tag}`);
  }

  private update(): void {
    const tags = sortTags(filterTags(this.store.data?.tags ?? [], this.filter), this.sort);
    this.nodes = new Map(tags.map((tag) => [tag.name, { kind: 'tag', tag }]));
    this.changed.fire(undefined);
  }
}
