/**
 * Which files are issues (issue 15, item 4): a TOC heading and a reference-list heading are not enough,
 * at least half of the sections between them must have paper fields or a tag line; front matter
 * `weekly: true|false` and `weekly.issueFiles` decide explicitly. The shallow model (the index's) and
 * the full one agree; the toggle's front matter edit flips the status.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { buildIssueModel } from '../../server/src/service/model/issueModel';
import { SectionCache } from '../../server/src/service/model/sectionCache';
import { defaultConfig, defaultPresets } from '../../server/src/service/config/weeklyConfig';
import { issueStatusOf } from '../../server/src/service/config/documentScope';
import { issueToggleEdits } from '../../server/src/service/authoring/issueToggle';
import { applyEdits } from '../../server/src/service';
import { githubSlugStyle } from '../../server/src/service/slug/github';

const caches = { full: new SectionCache(), shallow: new SectionCache(50_000, 'shallow') };
const build = (text: string, depth: 'full' | 'shallow' = 'full') => buildIssueModel(text, { slugStyle: githubSlugStyle, presets: defaultPresets, cache: caches[depth] });
const status = (text: string, issueFiles: string[] = [], file = '/ws/notes/x.md') =>
  issueStatusOf(build(text), { ...defaultConfig, issueFiles }, file, ['/ws']);

const paper = (name: string, body: string) => `## ${name}\n\n${body}\n\n`;
const issue = (...papers: string[]) => `# T\n\n## 目录\n\n- [A](#a)\n\n${papers.join('')}## 参考资料\n\n1. [x](https://x.example)\n`;
const FIELDS = '**概要**：一篇论文。\n\n**标签**：#视频';

describe('which files are issues: the papers must look like papers', () => {
  const cases: Array<[string, string, boolean]> = [
    ['notes: 目录 and 参考资料, sections of prose (CS-Notes Linux.md)', issue(paper('一、常用操作', '正文'), paper('二、磁盘', '正文'), paper('三、分区', '正文')), false],
    ['every paper has fields', issue(paper('A', FIELDS), paper('B', FIELDS)), true],
    ['English labels', issue(paper('A', '**Summary**: x\n\n**Tags**: #a'), paper('B', '**TL;DR**: y')), true],
    ['half: a new paper without fields yet', issue(paper('A', FIELDS), paper('B', '')), true],
    ['one section in three: a note with one stray field', issue(paper('A', '**Summary**: x'), paper('B', '正文'), paper('C', '正文')), false],
    ['labels that are not the preset\'s do not count', issue(paper('A', '**注意**：x'), paper('B', '**示例**：y')), false],
    ['tag lines without a label', issue(paper('A', '正文\n\n#视频生成 #扩散模型'), paper('B', '#图像编辑 #开源')), true],
    ['a lone `#endif` in code is no tag line', issue(paper('A', '```c\n#endif\n```'), paper('B', '```sh\n#comment\n```')), false],
    ['no papers yet (New Weekly Issue\'s template)', '# T\n\n## 目录\n\n---\n\n## 参考资料\n', true],
    ['front matter weekly: true, no shape', '---\nweekly: true\n---\n\n# Note\n', true],
    ['front matter weekly: false beats the shape', '---\nweekly: false\n---\n\n' + issue(paper('A', FIELDS)), false],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => {
      assert.equal(build(text).looksLikeIssue, expected);
      // The index's shallow model decides the same (paper-repeat, workspace symbols read it).
      assert.deepEqual(build(text, 'shallow').issueShape, build(text).issueShape);
      assert.equal(build(text, 'shallow').looksLikeIssue, expected);
    });
  }

  it('the shape counts sections and sections with fields', () => {
    assert.deepEqual(build(issue(paper('A', FIELDS), paper('B', ''), paper('C', '#a #b'))).issueShape, {
      toc: true, references: true, paperSections: 3, withFields: 2, frontMatter: undefined,
    });
  });

  it('every issue in examples/ (the sample included) is still one', () => {
    const dir = path.join(__dirname, '..', '..', 'examples');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md'));
    assert.ok(files.includes('ai-weekly-sample.md'));
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.equal(build(text).looksLikeIssue, true, f);
      assert.equal(build(text, 'shallow').looksLikeIssue, true, `${f} (shallow)`);
    }
  });
});

describe('why: issueStatusOf', () => {
  const note = issue(paper('A', '正文'), paper('B', '正文'));
  it('names what decided it', () => {
    assert.deepEqual(status(issue(paper('A', FIELDS))), { isIssue: true, reason: 'shape' });
    assert.deepEqual(status('# T\n\n## 目录\n\n## 参考资料\n'), { isIssue: true, reason: 'shapeNoPapers' });
    assert.deepEqual(status(note), { isIssue: false, reason: 'noFields' });
    assert.deepEqual(status('# Note\n\n## 参考资料\n'), { isIssue: false, reason: 'noToc' });
    assert.deepEqual(status('# Note\n\n## 目录\n'), { isIssue: false, reason: 'noReferences' });
    assert.deepEqual(status('# Note\n'), { isIssue: false, reason: 'noTocNoReferences' });
    assert.deepEqual(status('---\nweekly: true\n---\n# Note\n'), { isIssue: true, reason: 'frontMatter' });
  });

  it('weekly.issueFiles makes a note an issue; front matter weekly: false opts out even then', () => {
    assert.deepEqual(status(note, ['notes/*.md']), { isIssue: true, reason: 'issueFiles' });
    assert.deepEqual(status('---\nweekly: false\n---\n' + note, ['notes/*.md']), { isIssue: false, reason: 'frontMatterOff' });
  });
});

describe('the toggle: one front matter edit', () => {
  const toggled = (text: string, to: boolean) => {
    const r = issueToggleEdits(text, to);
    assert.ok(r.ok);
    assert.ok(r.edits.length <= 1, 'one edit');
    return applyEdits(text, r.edits);
  };
  it('adds front matter to a file without one', () => {
    assert.equal(toggled('# Note\n', true), '---\nweekly: true\n---\n\n# Note\n');
    assert.equal(toggled('\uFEFF# Note\r\n', false), '\uFEFF---\r\nweekly: false\r\n---\r\n\r\n# Note\r\n');
  });
  it('adds the key to existing front matter, or rewrites the key in place', () => {
    assert.equal(toggled('---\ntitle: x\n---\n# N\n', true), '---\ntitle: x\nweekly: true\n---\n# N\n');
    assert.equal(toggled('---\r\ntitle: x\r\n---\r\n# N\r\n', true), '---\r\ntitle: x\r\nweekly: true\r\n---\r\n# N\r\n');
    assert.equal(toggled('---\nweekly: true\ndate: 2025-04-18\n---\n# N\n', false), '---\nweekly: false\ndate: 2025-04-18\n---\n# N\n');
    assert.equal(toggled('---\n---\n# N\n', false), '---\nweekly: false\n---\n# N\n');
  });
  it('no edit when the file says so already', () => {
    assert.deepEqual(issueToggleEdits('---\nweekly: true\n---\n', true), { ok: true, edits: [] });
  });
  it('the edit flips what the file is treated as, both ways', () => {
    const note = issue(paper('A', '正文'));
    const on = toggled(note, !status(note).isIssue);
    assert.deepEqual(status(on), { isIssue: true, reason: 'frontMatter' });
    const off = toggled(on, !status(on).isIssue);
    assert.deepEqual(status(off), { isIssue: false, reason: 'frontMatterOff' });
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ai-weekly-sample.md'), 'utf8');
    assert.deepEqual(status(toggled(sample, false)), { isIssue: false, reason: 'frontMatterOff' });
  });
});
