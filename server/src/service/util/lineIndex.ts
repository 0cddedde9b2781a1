import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps string offsets (UTF-16 code units, which is what LSP positions count) to line/character
 * positions and back. Line breaks are CRLF, LF or a lone CR, as LSP defines them.
 */
export class LineIndex {
  private starts?: number[];
  /** The text has LF line breaks only (known once the starts are made). */
  private lfOnly = false;

  constructor(readonly text: string) {}

  /**
   * The index of `text`, made from the index of the text before one change (`start`, and where the change
   * ended before and after it): line starts before the change are kept, those after it moved, and only the
   * inserted text is searched. A keystroke in a 900K-character issue made every line start anew (0.8 ms).
   * Only when the previous starts are made and no CR is involved; otherwise a fresh, lazy index.
   */
  static afterChange(previous: LineIndex, text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    const index = new LineIndex(text);
    const before = previous.starts;
    if (!before || !previous.lfOnly || text.slice(change.start, change.newEnd).includes('\r')) return index;
    const starts: number[] = [];
    let i = 0;
    while (i < before.length && before[i] <= change.start) starts.push(before[i++]);
    for (let at = text.indexOf('\n', change.start); at >= 0 && at < change.newEnd; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    while (i < before.length && before[i] <= change.oldEnd) i++;
    const delta = change.newEnd - change.oldEnd;
    while (i < before.length) starts.push(before[i++] + delta);
    index.starts = starts;
    index.lfOnly = true;
    return index;
  }

  /**
   * Offset at which each line starts. Computed on first use: every model has an index, but a check
   * that finds nothing in a long document never turns an offset into a position.
   */
  get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    if (!text.includes('\r')) {
      // LF only, the usual case: indexOf finds each break natively, several times faster than a
      // charCodeAt loop over a long issue's every character (a new model's index on every keystroke).
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      this.lfOnly = true;
      return starts;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }
}
