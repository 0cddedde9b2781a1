/**
 * Renders an issue as readers will see it: remark-parse + remark-gfm → remark-rehype → rehype-raw →
 * rehype-sanitize, then the trusted annotate pass (heading ids from the model, chips, reference kinds,
 * problem marks, source lines), then rehype-stringify. Pure: text and model in, HTML out.
 */
import type { Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { defaultPresets, type LanguagePreset } from '../config/weeklyConfig';
import type { IssueModel } from '../model/types';
import { splitSections } from '../model/sections';
import { annotate, type RenderFinding } from './annotate';
import { RenderCache } from './renderCache';
import { RM } from './renderMessages';
import { createTranslator, type Translate } from '../util/l10n';
import { issueSanitizeSchema } from './sanitizeSchema';

export type { RenderFinding } from './annotate';

export interface RenderOptions {
  /** The problems of the document; their counts head the page and anchor problems are marked. */
  findings?: readonly RenderFinding[];
  /** Show the problem header and marks (the preview does; a clean export for readers may not). */
  showProblems?: boolean;
  /** The issue's language preset (reference kind names); the model's language's default otherwise. */
  preset?: LanguagePreset;
  /** Rewrites image sources; return undefined to block one. Without it, sources stay as written. */
  imageSrc?: (src: string) => string | undefined;
  /** Where sanitized section trees are kept between renders; a shared one by default. */
  cache?: RenderCache;
  /**
   * The problem header's language: the host's (VS Code's display language in the preview, LANG in the CLI);
   * English without one. A locale, not the service's `t`: dist/render.js has its own message catalog.
   */
  uiLocale?: string;
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface RenderedIssue {
  /** The problem header and the article, ready to go into a page's body. */
  html: string;
  /** The issue's title (its `#` heading), for the page title. */
  title: string;
  /** The issue's language as an HTML lang tag. */
  lang: string;
  counts: ProblemCounts;
}

/**
 * rehype-raw re-parses the whole tree through parse5 (the costliest step of a render) to turn raw HTML into
 * elements; a tree without raw HTML would come back the same, so it is passed through as it is.
 */
function rehypeRawWhenNeeded() {
  const reparse = rehypeRaw();
  return (tree: HastRoot, file: Parameters<typeof reparse>[1]): HastRoot => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? reparse(tree, file) : tree;
  };
}

// Built once: unified processors are reusable, and building one per keystroke would cost more than parsing.
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  // Footnote ids come out unprefixed so the sanitizer's clobbering prefixes them exactly once.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, issueSanitizeSchema)
  .use(rehypeStringify);

const sanitizedTree = (text: string) => processor.runSync(processor.parse(text)) as HastRoot;
const sharedCache = new RenderCache(sanitizedTree);

/** A render cache of its own (tests, a CLI run that should not keep trees around). */
export function createRenderCache(): RenderCache {
  return new RenderCache(sanitizedTree);
}

/**
 * The document's sanitized tree, section by section through the cache. Reference definitions and
 * footnotes tie sections together (a link here, its definition at the end), so a document with any
 * is rendered whole, as one piece.
 */
function documentTree(model: IssueModel, cache: RenderCache): HastRoot {
  const text = model.text;
  if (model.definitions.length > 0 || model.footnoteDefs.length > 0 || text.length !== model.lines.text.length) {
    return sanitizedTree(text);
  }
  const children: HastRoot['children'] = [];
  for (const span of splitSections(text)) {
    // The line break a whole-document render puts between blocks, so both renders give the same HTML.
    if (children.length) children.push({ type: 'text', value: '\n' });
    const line = model.lines.positionAt(span.start).line;
    children.push(...cache.get(text.slice(span.start, span.end), span.start, line).children);
  }
  return { type: 'root', children };
}

/**
 * The sanitized and annotated tree of the issue's content (no problem header), for the publishing
 * targets (targets/), which restyle it. Safe to change: it is a fresh copy, never a cached tree.
 */
export function renderIssueTree(model: IssueModel, options: Omit<RenderOptions, 'showProblems'> = {}): HastRoot {
  const tree = documentTree(model, options.cache ?? sharedCache);
  annotate(tree, {
    model,
    preset: options.preset ?? defaultPresets[model.language],
    findings: options.findings ?? [],
    imageSrc: options.imageSrc,
  });
  return tree;
}

/** HTML of a tree, by the same stringifier as the preview. */
export function stringifyTree(tree: HastRoot): string {
  return processor.stringify(tree);
}

export function renderIssue(model: IssueModel, options: RenderOptions = {}): RenderedIssue {
  const findings = options.findings ?? [];
  const showProblems = options.showProblems ?? true;
  const tree = renderIssueTree(model, { ...options, findings: showProblems ? findings : [] });
  const counts = countProblems(findings);
  const lang = model.language === 'zh' ? 'zh-CN' : 'en';
  const article = h('article', { className: ['weekly-issue'], lang }, tree.children as never);
  const root: HastRoot = { type: 'root', children: showProblems ? [problemHeader(counts, firstProblemLine(model, findings), createTranslator(options.uiLocale)), article] : [article] };
  return { html: processor.stringify(root), title: model.title?.text ?? '', lang, counts };
}

export function countProblems(findings: readonly RenderFinding[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

function plural(t: Translate, n: number, key: 'errors' | 'warnings' | 'notes'): string {
  return t(RM[`render.problems.${key}.${n === 1 ? 'one' : 'many'}`], { n });
}

/** The 0-based line of the first problem in the document, which the header jumps to. */
function firstProblemLine(model: IssueModel, findings: readonly RenderFinding[]): number | undefined {
  if (findings.length === 0) return undefined;
  return model.lines.positionAt(Math.min(...findings.map((f) => f.start))).line;
}

function problemHeader(counts: ProblemCounts, firstLine: number | undefined, t: Translate) {
  const total = counts.errors + counts.warnings + counts.infos;
  const parts = total === 0
    ? [h('span', { className: ['problems-none'] }, t(RM['render.problems.none']))]
    : [
        h('span', { className: ['problems-errors', ...(counts.errors ? [] : ['problems-zero'])] }, plural(t, counts.errors, 'errors')),
        h('span', { className: ['problems-warnings', ...(counts.warnings ? [] : ['problems-zero'])] }, plural(t, counts.warnings, 'warnings')),
        ...(counts.infos ? [h('span', { className: ['problems-infos'] }, plural(t, counts.infos, 'notes'))] : []),
      ];
  return h(
    'header',
    {
      className: ['weekly-problems', total === 0 ? 'weekly-problems-clean' : 'weekly-problems-found'],
      dataErrors: counts.errors,
      dataWarnings: counts.warnings,
      dataInfos: counts.infos,
      // With problems, the header is a button: it reveals the first one in the editor (webview/main.ts).
      ...(total > 0 && firstLine !== undefined
        ? { role: 'button', tabIndex: 0, dataFirstLine: firstLine, title: t(RM['render.problems.goToFirst']) }
        : { role: 'status' }),
    },
    parts,
  );
}
