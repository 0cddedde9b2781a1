import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { createLanguageService, runTagChoices } from '../../server/src/service';

const sample = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');

test('known tags without an index: other issues (one paper each) plus this issue\'s papers, then the rest', () => {
  const workspace = new Map([['扩散模型', 5], ['Other', 9], ['视频生成', 1], ['Rare', 0]]);
  const service = createLanguageService({ knownTags: () => workspace });
  const doc = { uri: 'file:///ws/a.md', version: 1, getText: () => sample };
  const choices = runTagChoices(service.authoringContext(doc));
  assert.deepEqual(choices.slice(0, 3), [
    { tag: 'Other', count: 9 },
    { tag: '扩散模型', count: 7 }, // 5 other issues + 2 papers here
    { tag: '视频生成', count: 2 },
  ]);
  // Tags of this issue that no other issue uses count once; vocabulary and built-in tags come last with 0.
  assert.deepEqual(choices.find((c) => c.tag === '换脸'), { tag: '换脸', count: 1 });
  const firstZero = choices.findIndex((c) => c.count === 0);
  assert.ok(choices.slice(firstZero).every((c) => c.count === 0));
  assert.ok(choices.some((c) => c.tag === 'Rare'));
});

test('without a workspace index: papers of this issue using each tag', () => {
  const service = createLanguageService();
  const doc = { uri: 'file:///ws/a.md', version: 1, getText: () => sample };
  const choices = runTagChoices(service.authoringContext(doc));
  assert.deepEqual(choices[0], { tag: '扩散模型', count: 2 });
  assert.equal(new Set(choices.map((c) => c.tag)).size, choices.length, 'no tag twice');
});
