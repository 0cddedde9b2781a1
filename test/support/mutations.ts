/**
 * Random documents for fuzz and stress runs: mutations of real issues (lines swapped, duplicated, cut,
 * characters inserted) and hostile pieces (NUL, lone surrogates, BOM, mixed line breaks, deep nesting).
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';

const examplesDir = path.resolve(__dirname, '../../examples');
export const seedIssues: string[] = fs
  .readdirSync(examplesDir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => fs.readFileSync(path.join(examplesDir, f), 'utf8'));

const hostile = [
  '\u0000', '\uD800', '\uDFFF', '\uFEFF', '\r', '\r\n', '\n', '\t', '#', '##', '[', ']', '(', ')', '(#', '#标签', '：',
  '**', '`', '```', '~~~', '<!--', '-->', '<a id="x">', '<a href="#y">', '>', '- ', '1. ', '[^1]', '[x][y]', '\\',
  '😀', '𠀀', '\u200B', '\u202E', '|', '---', '===', ' ', '    ', '![', 'http://', 'javascript:alert(1)',
];

export type Mutation =
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'duplicate'; a: number }
  | { kind: 'cut'; a: number }
  | { kind: 'insert'; at: number; text: string };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), a: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...hostile), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 12 })),
  }),
);

export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.kind) {
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'duplicate':
      lines.splice(m.a % n, 0, lines[m.a % n]);
      return lines.join('\n');
    case 'cut':
      lines.splice(m.a % n, 1);
      return lines.join('\n');
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

/** A seed issue with a few mutations applied. */
export const mutatedIssueArb: fc.Arbitrary<string> = fc
  .tuple(fc.nat({ max: Math.max(0, seedIssues.length - 1) }), fc.array(mutationArb, { maxLength: 12 }))
  .map(([i, ms]) => ms.reduce(mutate, seedIssues[i] ?? ''));

/** Markdown-ish text from scratch: lines of hostile pieces and words. */
export const randomMarkdownArb: fc.Arbitrary<string> = fc
  .array(fc.array(fc.oneof(fc.constantFrom(...hostile), fc.string({ maxLength: 6 })), { maxLength: 8 }).map((p) => p.join('')), { maxLength: 30 })
  .map((lines) => lines.join('\n'));
