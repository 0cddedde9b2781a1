import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { decideTagAccept } from '../../client/src/commands/tagStepDecision';

const listed = new Set(['图像分割', '扩散模型']);
const canBeTag = (tag: string) => listed.has(tag) || /^[^\s#]+$/.test(tag);

test('filter text, then a tick, then OK: exactly the ticked tags, the filter text is no tag', () => {
  assert.deepEqual(decideTagAccept({ text: '分割', chosen: ['图像分割'], tickedSinceTyping: true, canBeTag }), { action: 'finish', tags: ['图像分割'] });
});

test('Enter straight on typed text chooses it (a listed tag or a new one), with or without "#"', () => {
  assert.deepEqual(decideTagAccept({ text: '扩散模型', chosen: [], tickedSinceTyping: false, canBeTag }), { action: 'add', tag: '扩散模型' });
  assert.deepEqual(decideTagAccept({ text: ' #新标签 ', chosen: ['扩散模型'], tickedSinceTyping: false, canBeTag }), { action: 'add', tag: '新标签' });
});

test('accept on an empty line finishes with everything chosen, in order', () => {
  assert.deepEqual(decideTagAccept({ text: '  ', chosen: ['新标签', '图像分割'], tickedSinceTyping: false, canBeTag }), { action: 'finish', tags: ['新标签', '图像分割'] });
});

test('typed text that cannot be a tag keeps the step open', () => {
  assert.deepEqual(decideTagAccept({ text: 'two words', chosen: [], tickedSinceTyping: false, canBeTag }), { action: 'stay' });
});
