/**
 * Completion, hover, navigation and symbols on any text at any position: they answer (possibly with
 * nothing) and never throw. Random mixes of issue-like lines and raw characters, random cursors.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SAMPLE, uriOf, workspaceService } from './navigationWorkspace';

const PIECES = [
  '# T', '## 目录', '## P：x', '### **参考链接**', '1. [P：x](#px)', '- [a](other.md#frag)', '**标签**：#a #b', '**Tags**: #x',
  '[x][ref]', '[ref]: #px', '![i](/img.png)', '![](<>)', '[](#)', '[x](', '(#', '[t][', '#', '**', '```', '<!--', '[^1]', '\\#x', '',
  '2. [FramePack 论文链接](https://arxiv.org/abs/2504.12626)', '<https://github.com/a/b>', 'https://', '\u0000', '\ud800', '\r',
];

describe('navigation features on any text', () => {
  it('never throw, whatever the text and the position', async () => {
    const { service, index } = await workspaceService({ 'sample.md': SAMPLE, 'other.md': '# O\n\n## Frag\n' });
    let version = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })), { maxLength: 30 }),
        fc.nat(), fc.nat(), fc.string({ maxLength: 6 }),
        async (lines, lineSeed, charSeed, newName) => {
          const text = lines.join('\n');
          const doc = { uri: uriOf('fuzz.md'), version: ++version, getText: () => text };
          const all = text.split('\n');
          const line = lineSeed % (all.length + 1);
          const position = { line, character: charSeed % ((all[line]?.length ?? 0) + 2) };
          index.setOpenDocument(doc.uri, service.getModel(doc));
          service.getCompletions(doc, position);
          await service.getHover(doc, position);
          service.getDefinition(doc, position);
          service.getReferences(doc, position, true);
          const prepared = service.prepareRename(doc, position);
          if (!('error' in prepared)) service.getRenameEdits(doc, position, newName);
          service.getDocumentSymbols(doc);
          service.getFoldingRanges(doc);
          service.getDocumentLinks(doc);
          service.getWorkspaceSymbols(newName);
          assert.ok(service.knownTagsFor(doc.uri));
        },
      ),
      { numRuns: 300 },
    );
  });
});
