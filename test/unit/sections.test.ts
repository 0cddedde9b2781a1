/**
 * The section splitter must be invisible: facts assembled section by section (through the SectionCache)
 * must equal the facts of parsing the whole document at once. A property test builds random documents
 * from realistic pieces — including the ones that make splitting hard (fences and comments holding `#`
 * lines, headings inside list items, raw HTML blocks with blank lines, definitions used across sections).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitSections } from '../../server/src/service/model/sections';
import { parseFacts } from '../../server/src/service/model/parseFacts';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { findSlugStyle } from '../../server/src/service/slug';
import type { SectionFacts } from '../../server/src/service/model/facts';

const cache = new SectionCache();
const build = (text: string) => buildIssueModel(text, { slugStyle: findSlugStyle('github')!, presets: defaultPresets, cache });

/** The facts of the whole text parsed at once, with reference links resolved the CommonMark way (first definition wins). */
function wholeDocument(text: string) {
  // micromark drops a leading BOM and counts offsets without it: parse without it and shift back.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const f: SectionFacts = shiftOffsets(parseFacts(text.slice(bom)), bom);
  const defs = new Map<string, string>();
  for (const d of f.definitions) if (!defs.has(d.identifier)) defs.set(d.identifier, d.url);
  const links = f.links.map((l) => ({ ...l, url: l.label !== undefined && !l.url ? defs.get(l.label) ?? '' : l.url }));
  return comparable({ ...f, links });
}

const OFFSET_KEYS = new Set(['start', 'end', 'contentStart', 'contentEnd', 'textStart', 'textEnd', 'destStart', 'destEnd', 'firstLineEnd', 'markerStart', 'markerEnd', 'labelStart', 'labelEnd', 'valueStart']);
function shiftOffsets<T>(value: T, delta: number): T {
  if (delta === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shiftOffsets(v, delta)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = OFFSET_KEYS.has(k) && typeof v === 'number' ? v + delta : shiftOffsets(v, delta);
  return out as T;
}

/** The parts the property compares, with list items' first links named by offset (indexes differ by construction). */
function comparable(f: Pick<SectionFacts, 'headings' | 'links' | 'definitions' | 'lists' | 'htmlIds' | 'fields' | 'footnoteRefs' | 'footnoteDefs'>) {
  const linkStart = (i: number | undefined) => (i === undefined ? undefined : f.links[i].start);
  return {
    headings: f.headings.map((h) => ({ level: h.level, text: h.text, start: h.start, end: h.end, contentStart: h.contentStart, contentEnd: h.contentEnd, setext: h.setext })),
    links: f.links.map((l) => ({ kind: l.kind, url: l.url, text: l.text, start: l.start, end: l.end, textStart: l.textStart, textEnd: l.textEnd, destStart: l.destStart, destEnd: l.destEnd, label: l.label })),
    definitions: f.definitions.map((d) => ({ ...d })),
    lists: f.lists.map((l) => ({ ...l, items: l.items.map((it) => ({ ...it, firstLink: linkStart(it.firstLink) })) })),
    htmlIds: f.htmlIds.map((h) => ({ ...h })),
    fields: f.fields.map((x) => ({ ...x, tags: x.tags.map((t) => ({ ...t })) })),
    footnoteRefs: f.footnoteRefs.map((x) => ({ ...x })),
    footnoteDefs: f.footnoteDefs.map((x) => ({ ...x })),
  };
}

function sectioned(text: string) {
  const m = build(text);
  return comparable({ ...m, links: m.links });
}

// Realistic pieces of a weekly issue, and the pieces that make splitting hard.
const headingText = fc.constantFrom('目录', 'Contents', 'A', 'FramePack：提升视频生成效率', '参考链接', '**References**', 'A', '`code` [x](#a)', '摘要');
const atx = fc.tuple(fc.integer({ min: 1, max: 6 }), headingText).map(([n, t]) => `${'#'.repeat(n)} ${t}`);
const pieces = fc.oneof(
  atx,
  // setext headings, and lines that look like headings but are not at the start of a block
  fc.constantFrom(
    'Setext Title\n============',
    'Setext Two\n---',
    'Paragraph line\n# heading right after a paragraph line',
    ' # one space',
    '   ### three spaces',
    '---',
  ),
  // fences and code holding heading-like and link-like lines
  fc.constantFrom(
    '```\n# not a heading\n\n[x](#a)\n```',
    '~~~md\n## 目录\n\n- [A](#a)\n~~~',
    '````\n```\n# still code\n```\n````',
    '``` not`a fence\n# heading after',
    '```\n# unclosed fence',
    '    # indented code\n\n    [x](#a)',
  ),
  // HTML comments and raw HTML blocks with blank lines inside
  fc.constantFrom(
    '<!--\n# hidden\n\n[x](#a)\n-->',
    '<!-- one line --> text',
    '<!--\n\n# hidden to the end',
    '<pre>\n\n# in pre\n\n</pre>',
    '<script>\n\n# in script\n\n</script>',
    '<?php\n\n# in a processing instruction\n\n?>',
    '<![CDATA[\n\n# in CDATA\n\n]]>',
    '<!DOCTYPE html\n\n# in a declaration\n\n>',
    '<div id="box">\n\n# after a div line\n\n</div>',
    '<a id="anchor-1"></a>',
    '<!-- <a id="in-comment"></a> --><a href="#a">html link</a>',
    '</div>\n```\n# a fence line inside an HTML block',
  ),
  // lists, with headings and fences inside items
  fc.constantFrom(
    '- [A](#a)\n- [B](#b)\n  - [C](#c)',
    '1. [One](#a)\n2. [Two][r]',
    '1. item\n\n   # heading in an item',
    '- item\n\n  ```\n  # in a fenced block in an item\n\n  ```',
    '- item\n\n      # indented code in an item',
    '* loose\n\n* list\n\n  continued [x](#a)',
    '3) [Ref][short]\n4) [Note][^1]',
    '- item\n\n  ```\n  # a fence the item ends\nout of the item',
    '10. item\n\n    ```\n    # closing fence indented 4\n    ```',
  ),
  // paragraphs and fields using references
  fc.constantFrom(
    'A paragraph with [a link](#a), [a ref][r] and [short].',
    '**概要**：text with **bold** and [x](#a).',
    '**标签**：#视频生成 #Transformer',
    '**Tags**: #one, #two',
    'Text with a note[^1] and [R][].',
    '[![badge][short]][r] and ![r] and ![Alt][R]',
    '> # quoted heading\n>\n> [x](#a)',
    '| a | b |\n|---|---|\n| [x](#a) | # y |',
  ),
  // definitions, duplicated on purpose (the first one wins), and footnotes
  fc.constantFrom(
    '[r]: #a',
    '[R]: #b',
    '[short]: https://example.org "Title"',
    '[short]:\n  <https://example.org/other>',
    '[^1]: The note.\n\n    # indented in a footnote',
    '[^1]: A second note with the same label.',
  ),
);
const documents = fc
  .record({
    frontMatter: fc.boolean(),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n'),
    parts: fc.array(fc.tuple(pieces, fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n')), { minLength: 1, maxLength: 16 }),
  })
  .map(({ frontMatter, bom, eol, parts }) => {
    const body = (frontMatter ? '---\ntitle: x\n---\n\n' : '') + parts.map(([p, sep]) => p + sep).join('');
    return (bom ? '\ufeff' : '') + body.replace(/\n/g, eol);
  });

describe('splitSections', () => {
  it('splits only at ATX headings after a blank line', () => {
    const text = '# A\n\ntext\n\n## B\nno split here\n# C\n\n## D\n';
    assert.deepEqual(
      splitSections(text).map((s) => text.slice(s.start, s.end)),
      ['# A\n\ntext\n\n', '## B\nno split here\n# C\n\n', '## D\n'],
    );
  });

  it('covers the whole text without gaps (after a BOM)', () => {
    const text = '\ufeff# A\n\n# B\n';
    const spans = splitSections(text);
    assert.equal(spans[0].start, 1);
    for (let i = 1; i < spans.length; i++) assert.equal(spans[i].start, spans[i - 1].end);
    assert.equal(spans[spans.length - 1].end, text.length);
  });

  // [what, markdown] — no split inside these.
  const noSplit: Array<[string, string]> = [
    ['a fenced block', '```\n\n# x\n\n```\n'],
    ['a multi-line HTML comment', '<!--\n\n# x\n\n-->\n'],
    ['a raw <pre> block', '<pre>\n\n# x\n\n</pre>\n'],
    ['front matter', '---\ntitle: x\n\n# x\n---\n'],
    ['a processing instruction', '<?php\n\n# x\n\n?>\n'],
    ['a CDATA section', '<![CDATA[\n\n# x\n\n]]>\n'],
    ['a list item', '1. item\n\n   # x\n'],
  ];
  for (const [what, markdown] of noSplit) {
    it(`does not split inside ${what}`, () => assert.equal(splitSections(markdown).length, 1));
  }
});

describe('section-by-section facts equal whole-document facts (property)', () => {
  it('for random documents of realistic pieces', () => {
    fc.assert(
      fc.property(documents, (text) => {
        assert.deepEqual(sectioned(text), wholeDocument(text));
      }),
      { numRuns: 300, seed: 20261126, endOnFailure: true },
    );
  });

  it('and again with fresh random seeds (a failure prints its seed and the document)', () => {
    fc.assert(
      fc.property(documents, (text) => {
        assert.deepEqual(sectioned(text), wholeDocument(text));
      }),
      { numRuns: 100 },
    );
  });

  // Documents where the splitter's line-by-line reading goes wrong and the parser's verdict must win.
  const hard: Array<[string, string]> = [
    ['a fence line inside an HTML block (so the real fence opens later)', '<div id="box">\n\n# a\n\n</div>\n```\n# not a heading\n\n[x](#a)\n```\n<div>\n\n# in the fence\n\n[y](#b)\n'],
    ['a fence in a list item with a closing fence indented 4', '10. item\n\n    ```\n    # code\n\n    ```\n\n# after\n\n[x](#after)\n'],
    ['a fence that a list item ends', '- item\n\n  ```\n  code\nnot in the item\n\n# h\n\n```\n\n# in code\n```\n'],
    ['a one-line comment written <!-->', '<!-->\n```\n\n# in code\n```\n\n# after\n'],
    ['an unclosed comment', 'text\n\n<!-- open\n\n# hidden\n\n[x](#a)\n'],
  ];
  for (const [what, text] of hard) {
    it(`parses like the whole document: ${what}`, () => {
      assert.deepEqual(sectioned(text), wholeDocument(text));
      assert.deepEqual(sectioned(text.replace(/\n/g, '\r\n')), wholeDocument(text.replace(/\n/g, '\r\n')));
    });
  }

  it('editing one section re-parses only that section', () => {
    const local = new SectionCache();
    const opts = { slugStyle: findSlugStyle('github')!, presets: defaultPresets, cache: local };
    const text = '# A\n\none\n\n# B\n\ntwo\n\n# C\n\nthree\n';
    buildIssueModel(text, opts);
    const misses = local.misses;
    const edited = text.replace('two', 'TWO');
    const m = buildIssueModel(edited, opts);
    assert.equal(local.misses - misses, 1);
    assert.deepEqual(m.headings.map((h) => edited.slice(h.start, h.end)), ['# A', '# B', '# C']);
  });
});
