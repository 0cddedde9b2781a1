import type { LineIndex } from '../util/lineIndex';

/** Maps an offset in an inline token's content to an offset in the document's source. */
export type SourceMapper = (contentOffset: number) => number;

/**
 * markdown-it gives an inline token its content (container markers and indentation stripped, the ends
 * trimmed) and the lines it came from, not offsets. Each content line is found in its source line
 * (usually as its end), so offsets inside the content map back exactly.
 */
export function sourcePositions(content: string, firstLine: number, text: string, lines: LineIndex): SourceMapper {
  const contentStarts: number[] = [0];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) contentStarts.push(i + 1);
  const sourceStarts: number[] = contentStarts.map((start, k) => {
    const end = k + 1 < contentStarts.length ? contentStarts[k + 1] - 1 : content.length;
    const piece = content.slice(start, end);
    const line = firstLine + k;
    if (line >= lines.lineCount) return text.length;
    const lineStart = lines.lineStarts[line];
    let source = lines.lineText(line);
    if (source.includes('\0')) source = source.replace(/\0/g, '\uFFFD'); // markdown-it's replacement
    return lineStart + findIn(source, piece);
  });
  if (contentStarts.length === 1) {
    const base = sourceStarts[0];
    return (offset) => base + offset;
  }
  return (offset) => {
    let lo = 0;
    let hi = contentStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (contentStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sourceStarts[lo] + (offset - contentStarts[lo]);
  };
}

function findIn(line: string, piece: string): number {
  if (piece === '') return line.length - line.trimStart().length;
  if (line.endsWith(piece)) return line.length - piece.length;
  const trimmed = line.trimEnd();
  if (trimmed.endsWith(piece)) return trimmed.length - piece.length;
  const at = line.indexOf(piece);
  return at >= 0 ? at : line.length - line.trimStart().length;
}
