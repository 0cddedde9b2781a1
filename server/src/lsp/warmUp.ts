/**
 * Checks a small built-in issue once while the server answers `initialize`. In a fresh process the first
 * check of a document pays for compiling every function it runs (V8 compiles lazily) and for feedback
 * its code has not gathered yet: measured over LSP, a 5 KB issue opened right after start-up took ~40 ms
 * of CPU against ~2 ms once warm. Paid here, that cost lands in the start-up, before the editor sends
 * its documents, and not on the first document the user opens.
 */
import { readConfigFile, resolveConfig, type WeeklyLanguageService } from '../service';

const WARM_UP_URI = 'untitled:weekly-issues-warm-up';

/** A small issue with what the rules look at: TOC, papers with fields and tags, images, links, references. */
function warmUpIssue(lang: 'zh' | 'en', count: number): string {
  const zh = lang === 'zh';
  const papers = Array.from({ length: count }, (_, i) => i + 1).map((k) => `${zh ? `模型${k}：高效推理框架` : `Model ${k}: An Efficient Inference Framework`}`);
  const slugOf = (title: string) => title.toLowerCase().replace(/[：:]/g, '').replace(/\s+/g, '-');
  return [
    zh ? '# 模型周报【AI周报】' : '# Model Weekly【AI Weekly】',
    '',
    `## ${zh ? '摘要' : 'Summary'}`,
    '',
    zh ? '本周亮点：见[正文](#模型1高效推理框架)与[上一期](./other.md#目录)。' : 'This week: see [below](#model-1-an-efficient-inference-framework) and [last week](./other.md#contents).',
    '',
    `## ${zh ? '目录' : 'Contents'}`,
    '',
    ...papers.map((p, i) => `${i + 1}. [${p}](#${slugOf(p)})`),
    '',
    '---',
    '',
    ...papers.flatMap((p, i) => [
      `## ${p}`,
      '',
      `![${p}](/assets/images/warm-up-${i}.png) <img src="x.png" id="fig-${i}">`,
      '',
      `**${zh ? '概要' : 'Summary'}**${zh ? '：' : ': '}**${p}** *runs* \`fast\` [${i + 1}] https://example.com/${i} <br>`,
      '',
      `**${zh ? '标签' : 'Tags'}**${zh ? '：' : ': '}#${zh ? '推理' : 'Inference'} #LLM${i} #${zh ? '高效计算' : 'Efficiency'}`,
      '',
      '---',
      '',
    ]),
    `### **${zh ? '参考链接' : 'References'}**`,
    '',
    ...papers.map((p, i) => `${i + 1}. [${p} ${zh ? '论文链接' : 'Paper'}](https://arxiv.org/abs/2504.0000${i})`),
    '',
    '[ref]: https://example.com/ref',
    '',
  ].join('\n');
}

/** A `.weekly-issues.json` and client settings of the usual kinds: the first document's settings are read with warm code. */
const WARM_UP_CONFIG = '{\n  "siteRoot": ".",\n  "slugStyle": "github",\n  "severity": { "tag-duplicate": "warning" },\n  "ignore": ["drafts/**"]\n}\n';

/** Runs the checks on the built-in issues and forgets them. Never throws: a warm-up is not worth failing over. */
export function warmUp(service: WeeklyLanguageService, log: (message: string) => void): void {
  try {
    // Node loads `performance` on its first use: the scheduler's first use is the first didOpen otherwise.
    performance.now();
    resolveConfig({ maxFileSize: 1_000_000, severity: { 'toc-missing': 'error' } }, readConfigFile(WARM_UP_CONFIG).config);
    // A few papers each: loops run often enough for V8 to optimize the hottest of them (the parser's).
    for (const [lang, papers] of [['zh', 12], ['en', 6]] as const) {
      const text = warmUpIssue(lang, papers);
      service.computeDiagnostics({ uri: WARM_UP_URI, version: 0, getText: () => text });
      service.forget(WARM_UP_URI);
    }
  } catch (err) {
    log(`warm-up failed: ${(err as Error).stack ?? err}`);
  }
}
