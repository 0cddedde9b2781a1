/** Workspace symbols: the papers of every indexed issue, found by name (letters in order, any case). */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { entryLines } from '../indexing/indexEntry';
import type { FeatureContext } from './context';

const MAX_RESULTS = 500;

export function getWorkspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  for (const entry of ctx.index?.all() ?? []) {
    if (!entry.looksLikeIssue) continue; // `##` sections of other notes are no papers
    for (const paper of entry.papers) {
      if (!matchesInOrder(paper.name.toLowerCase(), wanted)) continue;
      const line = entry.headings[paper.heading].line;
      const length = entryLines(entry).lineText(line).length;
      out.push({
        name: paper.name,
        kind: SymbolKind.Class,
        containerName: entry.title,
        location: { uri: entry.uri, range: { start: { line, character: 0 }, end: { line, character: length } } },
      });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}

/** Every character of `query` appears in `name` in order (how VS Code filters symbols itself). */
function matchesInOrder(name: string, query: string): boolean {
  const wanted = Array.from(query);
  let i = 0;
  for (const c of name) if (i < wanted.length && c === wanted[i]) i++;
  return i === wanted.length;
}
