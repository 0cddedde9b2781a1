/**
 * Sanitized HTML trees of document sections, keyed by their exact text, so that a keystroke re-renders
 * only the section it touched (the same split the model's SectionCache uses, model/sections.ts). Trees
 * are stored with positions relative to their section and handed out as shifted copies, because the
 * annotate pass edits the tree it is given.
 */
import type { Root as HastRoot } from 'hast';

type HastNode = HastRoot | HastRoot['children'][number];

export class RenderCache {
  private readonly entries = new Map<string, HastRoot>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly render: (text: string) => HastRoot,
    private readonly maxEntries = 2_000,
  ) {}

  /** The section's tree, positions moved to where the section starts in its document. */
  get(text: string, offset: number, line: number): HastRoot {
    let tree = this.entries.get(text);
    if (tree) {
      this.hits++;
      this.entries.delete(text);
    } else {
      this.misses++;
      tree = this.render(text);
    }
    this.entries.set(text, tree);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return cloneShifted(tree, offset, line) as HastRoot;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * A deep copy of a hast tree with every position moved by `offset` characters and `line` lines.
 * Hand-written: structuredClone then a second walk to shift would visit every node twice.
 */
function cloneShifted(node: HastNode, offset: number, line: number): HastNode {
  const copy = { ...node } as HastNode & { children?: HastNode[]; properties?: Record<string, unknown> };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line + line, column: start.column, offset: start.offset === undefined ? undefined : start.offset + offset },
      end: { line: end.line + line, column: end.column, offset: end.offset === undefined ? undefined : end.offset + offset },
    };
  }
  if ('properties' in node && node.properties) {
    const props: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node.properties)) props[k] = Array.isArray(v) ? [...v] : v;
    copy.properties = props;
  }
  if ('children' in node && node.children) copy.children = (node.children as HastNode[]).map((c) => cloneShifted(c, offset, line));
  return copy;
}
