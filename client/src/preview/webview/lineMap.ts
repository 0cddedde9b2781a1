/// <reference lib="dom" />
/**
 * Source lines ↔ vertical positions in the preview, from the `data-line` every block element carries.
 * Between two marked elements, positions and lines are interpolated, so scrolling is smooth inside a
 * long paragraph. Hand-written: VS Code's own Markdown preview does the same but does not export it.
 */

export interface LineMark {
  line: number;
  /** Top of the element, in page coordinates (scrollY included). */
  top: number;
  height: number;
}

/** Marked elements in document order, keeping per line the outermost (first) one, in increasing lines. */
export function collectMarks(root: ParentNode, scrollY: number): LineMark[] {
  const marks: LineMark[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-line]'))) {
    const line = Number(el.dataset.line);
    if (!Number.isFinite(line)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) continue;
    const last = marks[marks.length - 1];
    if (last && line <= last.line) continue;
    marks.push({ line, top: rect.top + scrollY, height: rect.height });
  }
  return marks;
}

/** The page position where a (fractional) source line starts. */
export function positionOfLine(marks: readonly LineMark[], line: number): number | undefined {
  if (marks.length === 0) return undefined;
  let i = 0;
  while (i + 1 < marks.length && marks[i + 1].line <= line) i++;
  const prev = marks[i];
  if (line < prev.line) return prev.top;
  const next = marks[i + 1];
  if (!next) return prev.top + Math.min(1, line - prev.line) * prev.height;
  const fraction = (line - prev.line) / (next.line - prev.line);
  return prev.top + fraction * (next.top - prev.top);
}

/** The (fractional) source line at a page position. */
export function lineAtPosition(marks: readonly LineMark[], y: number): number | undefined {
  if (marks.length === 0) return undefined;
  let i = 0;
  while (i + 1 < marks.length && marks[i + 1].top <= y) i++;
  const prev = marks[i];
  if (y < prev.top) return prev.line;
  const next = marks[i + 1];
  if (!next) return prev.line + (prev.height > 0 ? Math.min(1, (y - prev.top) / prev.height) : 0);
  const span = next.top - prev.top;
  return prev.line + (span > 0 ? ((y - prev.top) / span) * (next.line - prev.line) : 0);
}
