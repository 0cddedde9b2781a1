import type { EmphasisFact } from '../model/facts';
import { registerMessages } from '../util/l10n';
import type { Rule, RuleFinding } from './rule';

const M = registerMessages({
  'emphasis.unrendered': {
    en: 'This {marker}…{marker} is shown as written: next to punctuation and CJK text, CommonMark (GitHub, the preview) does not read it as emphasis. Move the punctuation outside the markers.',
    zh: '此处的 {marker}…{marker} 会原样显示：标点紧邻中文时，CommonMark（GitHub、预览）不把它当作强调。请把标点移到标记之外。',
  },
  'emphasis.unrenderedNoPunctuation': {
    en: 'This {marker}…{marker} is shown as written: between CJK characters, CommonMark does not read `_` emphasis (or a run inside a word). Use `*`, or add spaces.',
    zh: '此处的 {marker}…{marker} 会原样显示：在中文字符之间，CommonMark 不把 `_` 当作强调。请改用 `*`，或加空格。',
  },
  'emphasis.fix': { en: 'Move the punctuation outside {marker}', zh: '把标点移到 {marker} 之外' },
});

const PUNCTUATION = /\p{P}/u;

/** The pair rewritten with its leading and trailing punctuation outside the markers; undefined: none to move. */
export function movedOutside(text: string, pair: EmphasisFact): string | undefined {
  const inner = [...text.slice(pair.openEnd, pair.closeStart)];
  let lead = 0;
  while (lead < inner.length && PUNCTUATION.test(inner[lead])) lead++;
  let trail = inner.length;
  while (trail > lead && PUNCTUATION.test(inner[trail - 1])) trail--;
  if (lead === 0 && trail === inner.length) return undefined;
  if (lead === trail) return undefined; // nothing but punctuation inside
  const open = text.slice(pair.start, pair.openEnd);
  const close = text.slice(pair.closeStart, pair.end);
  return inner.slice(0, lead).join('') + open + inner.slice(lead, trail).join('') + close + inner.slice(trail).join('');
}

/**
 * `**概要：**内容`, `**「名字」**是`, `中文__bold__中文`: a pair of emphasis markers the parser left as text
 * (model/inlineFacts.ts collects them from markdown-it's own output), so readers see the asterisks.
 */
export const emphasisUnrenderedRule: Rule = {
  code: 'emphasis-unrendered',
  defaultSeverity: 'warning',
  description: { en: 'A bold or italic pair that CommonMark shows as literal markers (punctuation next to CJK text).', zh: '因 CommonMark 的规则（标点紧邻中文）而原样显示的粗体或斜体标记。' },
  docPage: 'docs/rules/emphasis-unrendered.md',
  scope: 'any',
  check(ctx) {
    const t = ctx.env.t ?? ((key: string) => key);
    const text = ctx.model.text;
    return ctx.model.unrenderedEmphasis.map((pair): RuleFinding => {
      const fixed = movedOutside(text, pair);
      return {
        start: pair.start,
        end: pair.end,
        message: t(fixed === undefined ? M['emphasis.unrenderedNoPunctuation'] : M['emphasis.unrendered'], { marker: pair.marker }),
        fixes: fixed === undefined ? [] : [{ title: t(M['emphasis.fix'], { marker: pair.marker }), edits: [{ start: pair.start, end: pair.end, newText: fixed }], isPreferred: true }],
      };
    });
  },
};
