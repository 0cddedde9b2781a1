/**
 * The preset-name matchers skip texts too long to match any name without normalizing (or remembering)
 * them: the skip must never drop a text that normalizes to a name's length or less.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultPresets, normalizeName } from '../../server/src/service/config/weeklyConfig';
import { presetNames, tooLongFor } from '../../server/src/service/model/presetNames';

describe('preset names: the length skip', () => {
  it('says too long only of texts that normalize to more than the limit (fast-check)', () => {
    const units = ['a', 'Z', '目', '录', '*', '_', '`', '~', ':', '：', ' ', '\t', '\n', '\u00a0', '\u3000', '\u2003', '\ufeff', '\u0130', '𐐀', '\u200b', '#'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), fc.nat(12), (parts, max) => {
        const text = parts.join('');
        if (tooLongFor(text, max)) assert.ok(normalizeName(text).length > max, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('still finds names written with markup and spaces around them', () => {
    const names = presetNames(defaultPresets);
    assert.ok(names.toc(' **目  录** '));
    assert.ok(names.references('### **参考链接**'.replace(/^#+ /, '')));
    assert.ok(!names.toc('FramePack 5：提升视频生成效率的上下文压缩框架'));
  });
});
