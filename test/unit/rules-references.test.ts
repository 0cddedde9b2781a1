/** The reference-list rules: ref-missing, ref-orphan, ref-numbering, ref-duplicate, ref-bad-url, ref-undefined. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, findingsOf, fixAll, range, replaceOnce, span } from '../support/structure';
import { EN_ISSUE, ISSUE } from '../support/issueText';
import { ownerOf, placeholderUrl } from '../../server/src/service/edits/referenceBuilder';
import { repairUrl, urlProblem } from '../../server/src/service/rules/refBadUrl';

const codes = (text: string) => findings(text).map((f) => f.code);

describe('ref-missing', () => {
  const noBeta = replaceOnce(replaceOnce(ISSUE, '3. [Beta GitHub 仓库](https://github.com/x/beta)\n', ''), '4. [Gamma', '3. [Gamma');

  it('reports a paper no entry belongs to, on its heading text', () => {
    const found = findingsOf('ref-missing', noBeta);
    assert.equal(found.length, 1);
    assert.deepEqual(range(found[0]), span(noBeta, 'Beta - 第二篇', 1));
    assert.match(found[0].message, /"Beta"/);
  });

  it('a reference belongs by name (case and markup ignored) or by a URL the section also links to', () => {
    const byUrl = replaceOnce(ISSUE, '[Beta GitHub 仓库]', '[代码]');
    assert.equal(findingsOf('ref-missing', byUrl).length, 0);
    assert.equal(findingsOf('ref-orphan', byUrl).length, 0);
    const byCase = replaceOnce(ISSUE, '[Beta GitHub 仓库]', '[**beta** 代码]');
    assert.equal(findingsOf('ref-missing', byCase).length, 0);
  });

  it('adds project/GitHub/paper stubs after the previous paper\'s entries and renumbers', () => {
    const [f] = findingsOf('ref-missing', noBeta);
    const fixed = applyFix(noBeta, f, 0);
    assert.ok(
      fixed.endsWith(
        [
          '1. [Alpha 项目主页](https://alpha.example/)',
          '2. [Alpha 论文链接](https://arxiv.org/abs/1)',
          `3. [Beta 项目主页](${placeholderUrl('project', 'Beta')})`,
          `4. [Beta GitHub 仓库](${placeholderUrl('github', 'Beta')})`,
          `5. [Beta 论文链接](${placeholderUrl('paper', 'Beta')})`,
          '6. [Gamma 论文链接](https://arxiv.org/abs/3)',
          '',
        ].join('\n'),
      ),
      fixed,
    );
    // The stubs' links are valid http(s) URLs that belong to the paper: nothing else fires.
    assert.deepEqual(codes(fixed), []);
  });

  it('stubs of a paper whose name has a parenthesis are links that belong to it (fix-all settles)', () => {
    // A property run found "## ( Beta - …": its stub URLs held an unbalanced "(", so the stubs were no links,
    // ref-missing stayed, and every fix-all pass added three more.
    const paren = replaceOnce(noBeta, '## Beta - 第二篇', '## ( Beta - 第二篇');
    const [f] = findingsOf('ref-missing', paren);
    const fixed = applyFix(paren, f, 0);
    assert.match(fixed, /\[\( Beta 项目主页\]\(https:\/\/www\.bing\.com\/search\?q=%28\+Beta\)\n/);
    assert.deepEqual(findingsOf('ref-missing', fixed), []);
    assert.deepEqual(findingsOf('ref-orphan', fixed), []);
    assert.ok(fixAll(paren).passes < 3);
  });

  it('a stray entry of an earlier paper further down does not drag the stubs to the end', () => {
    const stray = noBeta.replace(/\n$/, '\n4. [Alpha 镜像](https://mirror.example/alpha)\n');
    const [f] = findingsOf('ref-missing', stray);
    assert.match(applyFix(stray, f, 0), /2\. \[Alpha 论文链接\][^\n]*\n3\. \[Beta 项目主页\][^\n]*\n4\.[^\n]*\n5\.[^\n]*\n6\. \[Gamma 论文链接\][^\n]*\n7\. \[Alpha 镜像\]/);
  });

  it('puts stubs for the first paper before the next paper\'s entries', () => {
    const noAlpha = replaceOnce(ISSUE, '1. [Alpha 项目主页](https://alpha.example/)\n2. [Alpha 论文链接](https://arxiv.org/abs/1)\n', '');
    const [f] = findingsOf('ref-missing', noAlpha);
    const fixed = applyFix(noAlpha, f, 0);
    assert.match(fixed, /1\. \[Alpha 项目主页\]\(https:\/\/www\.bing\.com\/search\?q=Alpha\)\n2\. \[Alpha GitHub 仓库\].*\n3\. \[Alpha 论文链接\].*\n4\. \[Beta GitHub 仓库\].*\n5\. \[Gamma/);
  });

  it('uses the English labels in an English issue, and a bullet list stays bullets', () => {
    const text = replaceOnce(EN_ISSUE, '- [Beta Paper](https://arxiv.org/abs/2)\n', '');
    const [f] = findingsOf('ref-missing', text);
    const fixed = applyFix(text, f, 0);
    assert.match(fixed, /- \[Alpha Paper\]\(https:\/\/arxiv\.org\/abs\/1\)\n- \[Beta Project Page\]\(.*\)\n- \[Beta GitHub\]\(.*\)\n- \[Beta Paper\]\(.*\)\n$/);
  });

  it('several papers without references: one preferred edit set adds all, fix-all is clean in one pass', () => {
    const list = ISSUE.slice(ISSUE.indexOf('1. [Alpha 项目主页]'));
    const empty = ISSUE.replace(list, '');
    const found = findingsOf('ref-missing', empty);
    assert.equal(found.length, 3);
    const fixed = fixAll(empty);
    assert.equal(fixed.passes, 1);
    assert.deepEqual(codes(fixed.text), []);
    assert.match(fixed.text, /### \*\*参考链接\*\*\n\n1\. \[Alpha 项目主页\][^\n]*\n2\.[^\n]*\n3\.[^\n]*\n4\. \[Beta 项目主页\][^\n]*\n(\d\.[^\n]*\n){4}9\. \[Gamma 论文链接\]/);
  });

  it('no stubs that would never count: two papers with one short name, or a paper with none', () => {
    const twins = ISSUE.replace('## Gamma: Third', '## Alpha: Third').replace('[Gamma: Third](#gamma-third)', '[Alpha: Third](#alpha-third)').replace('4. [Gamma 论文链接](https://arxiv.org/abs/3)\n', '');
    // The second Alpha is paper-repeat's (the first took the shared entries), not ref-missing's.
    assert.deepEqual(findingsOf('ref-missing', twins), []);
    const [repeat, ...more] = findingsOf('paper-repeat', twins);
    assert.equal(more.length, 0);
    assert.deepEqual(range(repeat), span(twins, 'Alpha: Third', 1));
    const fixed = fixAll(twins);
    assert.equal(fixed.text, twins, 'fix-all adds nothing it cannot make count');
  });

  it('without a reference section, a new one goes at the end (when the issue is one by front matter)', () => {
    const text = '---\nweekly: true\n---\n\n# W\n\n## Alpha：一\n\n**概要**：A\n\n**标签**：#换脸\n';
    const fixed = fixAll(text).text;
    assert.match(fixed, /\n## 参考链接\n\n1\. \[Alpha 项目主页\]/);
    assert.deepEqual(codes(fixed), []);
  });
});

describe('ref-orphan', () => {
  it('reports an entry that belongs to no paper, on its link', () => {
    const text = replaceOnce(ISSUE, '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n', '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n5. [Some blog](https://blog.example/post)\n');
    const [f, ...rest] = findingsOf('ref-orphan', text);
    assert.equal(rest.length, 0);
    assert.deepEqual(range(f), span(text, '[Some blog](https://blog.example/post)'));
    // An entry that names no paper is not renamed by fix-all: removing it is offered, not preferred.
    assert.ok(!f.fixes!.some((x) => x.isPreferred));
    assert.equal(applyFix(text, f, /Remove/), ISSUE);
  });

  it('an entry that is only a kind label takes the name of the paper it sits among', () => {
    const text = replaceOnce(ISSUE, '[Alpha 论文链接]', '[论文链接]');
    const [f] = findingsOf('ref-orphan', text);
    assert.equal(f.fixes![0].isPreferred, true);
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('between two papers, the one that lacks that kind of link wins', () => {
    // "项目主页" sits after Alpha's entries and before Beta's; Alpha has a project page already.
    const text = replaceOnce(ISSUE, '3. [Beta GitHub 仓库]', '3. [项目主页](https://beta.example/)\n4. [Beta GitHub 仓库]').replace('4. [Gamma', '5. [Gamma');
    const [f] = findingsOf('ref-orphan', text);
    assert.match(applyFix(text, f, 0), /3\. \[Beta 项目主页\]\(https:\/\/beta\.example\/\)/);
  });

  it('a misspelt paper name is corrected', () => {
    const long = ISSUE.replaceAll('Gamma', 'GammaNet');
    const text = replaceOnce(long, '[GammaNet 论文链接]', '[GamaNet 论文链接]');
    const [f] = findingsOf('ref-orphan', text);
    assert.equal(f.fixes![0].isPreferred, true);
    assert.equal(applyFix(text, f, 0), long);
  });

  it('ownerOf prefers the longest matching name', () => {
    const papers = [{ name: 'Dream', links: [] }, { name: 'DreamO', links: [] }] as never[];
    const entry = { text: 'DreamO 论文链接', url: '' } as never;
    assert.equal((ownerOf(entry, papers) as { name: string }).name, 'DreamO');
  });
});

describe('ref-numbering', () => {
  it('reports the first wrong number, on its digits, and renumbers 1..N', () => {
    const text = replaceOnce(replaceOnce(ISSUE, '3. [Beta', '7. [Beta'), '4. [Gamma', '8. [Gamma');
    const found = findingsOf('ref-numbering', text);
    assert.equal(found.length, 1);
    const seven = text.indexOf('7. [Beta');
    assert.deepEqual(range(found[0]), { start: seven, end: seven + 1 });
    assert.match(found[0].message, /Reference 3 is numbered 7/);
    assert.equal(applyFix(text, found[0], 0), ISSUE);
  });

  it('ignores a bullet reference list and a correct one', () => {
    assert.equal(findingsOf('ref-numbering', ISSUE).length, 0);
    assert.equal(findingsOf('ref-numbering', EN_ISSUE).length, 0);
  });

  it('a list that repeats "1." is renumbered too', () => {
    const text = ISSUE.replace('2. [Alpha 论文', '1. [Alpha 论文').replace('3. [Beta', '1. [Beta').replace('4. [Gamma 论文', '1. [Gamma 论文');
    assert.equal(fixAll(text).text, ISSUE);
  });
});

describe('ref-duplicate', () => {
  const dup = replaceOnce(ISSUE, '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n', '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n5. [Alpha 主页](https://alpha.example)\n');

  it('reports the later copy of a URL (a trailing slash does not count), on its link', () => {
    const [f, ...rest] = findingsOf('ref-duplicate', dup);
    assert.equal(rest.length, 0);
    assert.deepEqual(range(f), span(dup, '[Alpha 主页](https://alpha.example)'));
    assert.match(f.message, /already reference 1/);
  });

  it('the same paper as abs/ and pdf/…v2.pdf, or the same repository in another case, is a duplicate', () => {
    const papers = replaceOnce(ISSUE, '4. [Gamma 论文链接](https://arxiv.org/abs/3)\n', '4. [Gamma 论文链接](https://arxiv.org/abs/2504.12626)\n5. [Gamma PDF](https://arxiv.org/pdf/2504.12626v2.pdf)\n6. [Beta 代码](https://github.com/X/Beta/tree/main)\n');
    const found = findingsOf('ref-duplicate', papers);
    assert.deepEqual(found.map(range), [span(papers, '[Gamma PDF](https://arxiv.org/pdf/2504.12626v2.pdf)'), span(papers, '[Beta 代码](https://github.com/X/Beta/tree/main)')]);
    assert.match(found[0].message, /already reference 4/);
    assert.match(found[1].message, /already reference 3/);
    // Another paper, another repository: no duplicate.
    const other = replaceOnce(papers, 'pdf/2504.12626v2.pdf', 'pdf/2504.12627v2.pdf').replace('github.com/X/Beta/tree/main', 'github.com/x/beta2');
    assert.equal(findingsOf('ref-duplicate', other).length, 0);
  });

  it('drops the duplicate entry and renumbers', () => {
    const middle = replaceOnce(ISSUE, '2. [Alpha 论文链接](https://arxiv.org/abs/1)\n', '2. [Alpha 论文链接](https://arxiv.org/abs/1)\n3. [Alpha 又一个](https://alpha.example/)\n').replace('3. [Beta', '4. [Beta').replace('4. [Gamma', '5. [Gamma');
    const [f] = findingsOf('ref-duplicate', middle);
    assert.equal(applyFix(middle, f, 0), ISSUE);
    assert.equal(fixAll(dup).text, ISSUE);
  });
});

describe('ref-bad-url', () => {
  it('classifies URLs', () => {
    assert.equal(urlProblem('https://a.example/x'), undefined);
    assert.equal(urlProblem(''), 'empty');
    assert.equal(urlProblem('arxiv.org/abs/1'), 'malformed');
    assert.equal(urlProblem('ftp://a.example/x'), 'scheme');
    assert.equal(repairUrl('arxiv.org/abs/1'), 'https://arxiv.org/abs/1');
    assert.equal(repairUrl('https//github.com/x'), 'https://github.com/x');
    assert.equal(repairUrl('http:/github.com/x'), 'http://github.com/x');
    assert.equal(repairUrl('//github.com/x'), 'https://github.com/x');
    assert.equal(repairUrl('ftp://x'), undefined);
    assert.equal(repairUrl('notes'), undefined);
  });

  it('reports a malformed URL on its destination and adds the scheme', () => {
    const text = replaceOnce(ISSUE, '(https://arxiv.org/abs/3)', '(arxiv.org/abs/3)');
    const [f] = findingsOf('ref-bad-url', text);
    assert.deepEqual(range(f), span(text, 'arxiv.org/abs/3'));
    assert.equal(applyFix(text, f, 0), ISSUE);
  });

  it('an empty link gets a search for the paper on the site its kind names', () => {
    const text = replaceOnce(ISSUE, '[Gamma 论文链接](https://arxiv.org/abs/3)', '[Gamma 论文链接]()');
    const [f] = findingsOf('ref-bad-url', text);
    assert.deepEqual(range(f), span(text, '[Gamma 论文链接]()'));
    const fixed = applyFix(text, f, 0);
    assert.match(fixed, /\[Gamma 论文链接\]\(https:\/\/arxiv\.org\/search\/\?query=Gamma&searchtype=all\)/);
    assert.deepEqual(codes(fixed), []);
  });

  it('reports a non-http(s) link and an entry without a link, with no automatic fix', () => {
    const text = replaceOnce(replaceOnce(ISSUE, '(https://arxiv.org/abs/3)', '(ftp://files.example/3.pdf)'), '3. [Beta GitHub 仓库](https://github.com/x/beta)', '3. [Beta GitHub 仓库](https://github.com/x/beta)\n4. Beta 论文（待发布）').replace('4. [Gamma', '5. [Gamma');
    const found = findingsOf('ref-bad-url', text);
    assert.deepEqual(found.map((f) => f.message.match(/^This reference (.*?)\. Give/)![1]), ['has no link', 'links to "ftp://files.example/3.pdf", which is not an http(s) URL']);
    assert.deepEqual(found.map((f) => f.fixes!.length), [0, 0]);
  });

  it('checks a reference-style entry through its definition', () => {
    const text = replaceOnce(ISSUE, '[Gamma 论文链接](https://arxiv.org/abs/3)', '[Gamma 论文链接][g]') + '\n[g]: arxiv.org/abs/3\n';
    const [f] = findingsOf('ref-bad-url', text);
    assert.deepEqual(range(f), span(text, 'arxiv.org/abs/3'));
    assert.match(applyFix(text, f, 0), /\[g\]: https:\/\/arxiv\.org\/abs\/3/);
  });
});

describe('ref-undefined', () => {
  const doc = (body: string) => `# Notes\n\n${body}\n`;

  it('reports [text][label] and [label][] with no definition, anywhere (not only in issues)', () => {
    const text = doc('See [the paper][paper] and [code][].');
    const found = findingsOf('ref-undefined', text);
    assert.deepEqual(found.map(range), [span(text, '[the paper][paper]'), span(text, '[code][]')]);
    assert.match(found[0].message, /\[paper\] has no definition/);
  });

  it('footnotes: a defined one is fine, an undefined one is reported', () => {
    const text = doc('A claim[^1] and another[^2].\n\n[^1]: Source.');
    const found = findingsOf('ref-undefined', text);
    assert.deepEqual(found.map(range), [span(text, '[^2]')]);
    assert.match(found[0].message, /footnote \[\^2\]/);
  });

  it('leaves defined references, code, escaped brackets and shortcut brackets alone', () => {
    const text = doc('[a][x] and `[b][y]` and \\[c\\]\\[d\\] and [just brackets].\n\n```\n[e][f]\n```\n\n[x]: https://x.example');
    assert.deepEqual(findingsOf('ref-undefined', text), []);
  });

  it('a near label becomes the preferred fix; escaping the brackets is offered too', () => {
    const text = doc('See [the paper][paperr].\n\n[paper]: https://x.example');
    const [f] = findingsOf('ref-undefined', text);
    assert.equal(f.fixes![0].isPreferred, true);
    assert.equal(applyFix(text, f, 0), doc('See [the paper][paper].\n\n[paper]: https://x.example'));
    assert.equal(applyFix(text, f, /plain text/), doc('See \\[the paper\\]\\[paperr\\].\n\n[paper]: https://x.example'));
    assert.deepEqual(findingsOf('ref-undefined', applyFix(text, f, /plain text/)), []);
  });

  it('numbered footnotes are not "corrected" into other notes', () => {
    const text = doc('A[^2].\n\n[^1]: One.');
    const [f] = findingsOf('ref-undefined', text);
    assert.ok(!f.fixes!.some((x) => x.isPreferred));
  });
});
