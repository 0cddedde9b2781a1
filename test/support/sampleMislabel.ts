/**
 * The one finding examples/ai-weekly-sample.md has as it is: its "Step1X-Edit 项目主页" links to a GitHub
 * repository, which ref-kind-mismatch reports as information (the zh preset's labels name the kinds).
 * Tests that mean "the sample has no problems" expect exactly this; tests about something else use the
 * relabelled sample. No imports: the e2e suites bundle it too.
 */
export const SAMPLE_MISLABELLED = '[Step1X-Edit 项目主页](https://github.com/stepfun-ai/Step1X-Edit)';
export const SAMPLE_RELABELLED = '[Step1X-Edit GitHub 仓库](https://github.com/stepfun-ai/Step1X-Edit)';
/** The reported link text (the range is the link text, inside the brackets). */
export const SAMPLE_MISLABEL_TEXT = 'Step1X-Edit 项目主页';
/** Line and columns of that link text, 1-based (the CLI's), in the sample. */
export const SAMPLE_MISLABEL_AT = { line: 87, column: 5, endLine: 87, endColumn: 21 };
export const SAMPLE_MISLABEL_MESSAGE = {
  en: 'The text says "项目主页" but the link is a "GitHub 仓库": relabel it "Step1X-Edit GitHub 仓库".',
  zh: '文字写的是“项目主页”，链接却是“GitHub 仓库”：改为“Step1X-Edit GitHub 仓库”。',
};
export const SAMPLE_MISLABEL_FIX = { en: 'Relabel it "Step1X-Edit GitHub 仓库"', zh: '改为“Step1X-Edit GitHub 仓库”' };

/** The sample with that label right: no finding at all. */
export function relabelSample(text: string): string {
  if (!text.includes(SAMPLE_MISLABELLED)) throw new Error('the sample no longer has "Step1X-Edit 项目主页"');
  return text.replace(SAMPLE_MISLABELLED, SAMPLE_RELABELLED);
}

/** The sample's finding as `weekly-issues lint --format json` writes it for `file`. */
export function sampleMislabelJson(file: string) {
  return { file, ...SAMPLE_MISLABEL_AT, severity: 'info', code: 'ref-kind-mismatch', message: SAMPLE_MISLABEL_MESSAGE.en };
}
