/**
 * Tag completion with `weekly.tagAliases`: typing an alias (`#diff` for diffusion) offers its canonical
 * tag (`#扩散模型`), and the alias itself is not offered as a tag to use.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Range } from 'vscode-languageserver-types';
import { defaultConfig } from '../../server/src/service/config/weeklyConfig';
import { docAt, workspaceService } from './navigationWorkspace';

const issue = (title: string, tags: string) =>
  `# ${title}\n\n## Contents\n\n1. [A: x](#a-x)\n\n## A: x\n\n**Summary**: s\n\n**Tags**: ${tags}\n\n## References\n\n1. [A Paper](https://arxiv.org/abs/2501.00001)\n`;

const files = {
  'a.md': issue('One', '#diffusion #video'),
  'b.md': issue('Two', '#Diffusion #扩散模型 #video'),
  'c.md': issue('Three', '#扩散模型 #video #llm'),
};
const withAliases = (tagAliases: Record<string, string>) => ({ getConfig: () => ({ ...defaultConfig, tagAliases }) });

/** What the client would show after typing `typed`: its filter is the typed letters in order, any case. */
function shown(list: CompletionList, typed: string): CompletionItem[] {
  const wanted = [...typed.toLowerCase()];
  return list.items
    .filter((item) => {
      let i = 0;
      for (const c of (item.filterText ?? String(item.label)).toLowerCase()) if (i < wanted.length && c === wanted[i]) i++;
      return i === wanted.length;
    })
    .sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

describe('tag completion with tagAliases', () => {
  it('typing the alias offers the canonical tag, saying which alias it stands for', async () => {
    const { service } = await workspaceService(files, withAliases({ diffusion: '扩散模型' }));
    const { doc, position } = docAt('new.md', issue('New', '#diff$$CURSOR$$'));
    const list = service.getCompletions(doc, position);
    const items = shown(list, 'diff');
    assert.deepEqual(items.map((i) => [i.label, i.detail, i.textEditText]), [['#扩散模型', 'canonical tag for #diffusion · 2 papers', '扩散模型']]);
    assert.deepEqual(items[0].labelDetails, { description: '#diffusion' });
    assert.deepEqual(list.itemDefaults?.editRange as Range, { start: { ...position, character: position.character - 4 }, end: position });
  });

  it('offers no alias as a tag to use, nor its case variants; the canonical tag keeps its own item and rank', async () => {
    const { service } = await workspaceService(files, withAliases({ diffusion: '扩散模型' }));
    const { doc, position } = docAt('new.md', issue('New', '#$$CURSOR$$'));
    const items = [...service.getCompletions(doc, position).items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(
      items.map((i) => [i.label, i.filterText]),
      [['#video', 'video'], ['#扩散模型', '扩散模型'], ['#扩散模型', 'diffusion'], ['#llm', 'llm']],
    );
    assert.equal(items[1].detail, '2 papers');
  });

  it('offers a canonical tag no issue uses yet, and every alias of it', async () => {
    const { service } = await workspaceService(files, withAliases({ lm: 'LLM', llms: 'LLM' }));
    const { doc, position } = docAt('new.md', issue('New', '#l$$CURSOR$$'));
    const items = shown(service.getCompletions(doc, position), 'l');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['#llm', '1 paper'],
        ['#LLM', 'not used yet'],
        ['#LLM', 'canonical tag for #lm · not used yet'],
        ['#LLM', 'canonical tag for #llms · not used yet'],
      ],
    );
  });

  it('without aliases, the workspace tags are offered as before', async () => {
    const { service } = await workspaceService(files, withAliases({}));
    const { doc, position } = docAt('new.md', issue('New', '#diff$$CURSOR$$'));
    assert.deepEqual(shown(service.getCompletions(doc, position), 'diff').map((i) => [i.label, i.detail]), [
      ['#Diffusion', '1 paper'],
      ['#diffusion', '1 paper'],
    ]);
  });
});
