/**
 * Hovers. On a web link (a reference entry or any http(s) link): what it is, which paper it belongs to,
 * and a preview fetched from the web (linkPreview/), or why there is none. On a `#anchor` link (the TOC):
 * the heading it lands on and that paper's summary. On a tag: how many issues and papers use it, and
 * the latest issues. On a local image: the image.
 */
import * as path from 'path';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import { uriToPath } from '../config/documentScope';
import { arxivLinks, classifyUrl } from '../linkPreview/classify';
import { describePreviewFailure, type Preview } from '../linkPreview/previewService';
import { kindWords, nearestAnchors } from './linkWords';
import { headingForFragment, paperAt, paperOfReference, targetAt } from './locate';
import type { IssueModel, Link } from '../model/types';
import { F } from './featureMessages';
import { repeatHover } from '../paperRepeat/repeatHover';
import type { FeatureContext, ServiceDocument } from './context';

import { TAG_EXAMPLES } from './tagRanking';

export async function getHover(ctx: FeatureContext, doc: ServiceDocument, position: Position): Promise<Hover | null> {
  const model = ctx.model(doc);
  const target = targetAt(model, model.lines.offsetAt(position));
  if (target?.kind === 'heading') {
    // A paper heading covered before (paper-repeat): where.
    const repeat = repeatHover(model, doc.uri, target.heading, ctx.index, ctx.t);
    return repeat ? { contents: { kind: MarkupKind.Markdown, value: escape(repeat.value) }, range: model.lines.range(repeat.start, repeat.end) } : null;
  }
  if (!target) return null;
  let value: string | undefined;
  let start = 0;
  let end = 0;
  if (target.kind === 'tag') {
    value = tagHover(ctx, doc, target.tag.name);
    ({ start, end } = target.tag);
  } else if (target.kind === 'link') {
    const link = target.link;
    ({ start, end } = link);
    if (link.kind === 'image') value = imageHover(ctx, doc, link);
    else if (link.fragment !== undefined) value = anchorHover(ctx, model, link.fragment);
    else if (/^https?:\/\//i.test(link.url)) value = await webLinkHover(ctx, doc, model, link);
  }
  if (value === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: model.lines.range(start, end) };
}

function anchorHover(ctx: FeatureContext, model: IssueModel, fragment: string): string | undefined {
  const heading = headingForFragment(model, fragment);
  if (!heading) {
    // The broken-anchor diagnostic (shown in the same hover) says what is wrong: add only where to go.
    const near = nearestAnchors(model, fragment, 3);
    return near.length ? ctx.t(F['hover.nearestAnchors'], { anchors: near.map((a) => `\`#${code(a)}\``).join(', ') }) : undefined;
  }
  const lines = [`${'#'.repeat(heading.level)} ${escape(heading.text)}`];
  const paper = model.papers.find((p) => p.heading === heading);
  if (paper?.summary) lines.push('', escape(paper.summary.value));
  const line = model.lines.positionAt(heading.start).line + 1;
  lines.push('', ctx.t(F['hover.headingLine'], { line, slug: code(heading.slug) }));
  return lines.join('\n');
}

function tagHover(ctx: FeatureContext, doc: ServiceDocument, name: string): string {
  const model = ctx.model(doc);
  let issues = 0;
  let papers = 0;
  const using: Array<{ uri: string; papers: string[] }> = [];
  const count = (uri: string, tagged: string[]) => {
    issues++;
    papers += tagged.length;
    using.push({ uri, papers: tagged });
  };
  count(doc.uri, model.papers.filter((p) => p.tags.some((t) => t.name === name)).map((p) => p.name));
  for (const entry of ctx.index?.all() ?? []) {
    if (entry.uri === doc.uri || !entry.tags.some((t) => t.name === name)) continue;
    count(entry.uri, entry.papers.filter((p) => p.tags.some((t) => t.name === name)).map((p) => p.name));
  }
  // This issue's papers first, then the latest issues' by file path: issues are named and filed by date
  // or number, which sorts the same way.
  const [own, ...others] = using;
  others.sort((a, b) => (a.uri < b.uri ? 1 : a.uri > b.uri ? -1 : 0));
  const listed = [own, ...others]
    .flatMap((u) => u.papers.map((paper) => `- ${escape(paper)} (\`${code(fileName(u.uri))}\`)`))
    .slice(0, TAG_EXAMPLES);
  const counted = (n: number, one: string, many: string) => (n === 1 ? ctx.t(one) : ctx.t(many, { count: n }));
  const lines = [ctx.t(F['hover.tagUse'], {
    name: escape(name),
    issues: counted(issues, F['hover.issue'], F['hover.issues']),
    papers: counted(papers, F['hover.paper'], F['hover.papers']),
    scope: ctx.index ? '' : ctx.t(F['hover.notIndexed']),
  })];
  if (listed.length) lines.push('', ctx.t(F['hover.papersUsing']), ...listed);
  return lines.join('\n');
}

function imageHover(ctx: FeatureContext, doc: ServiceDocument, link: Link): string | undefined {
  const url = link.url;
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return undefined; // web images: not local
  const docPath = uriToPath(doc.uri);
  const clean = decodeSafe(url.replace(/[?#].*$/, ''));
  let file: string | undefined;
  if (clean.startsWith('/')) {
    const root = ctx.config(doc.uri).siteRoot ?? ctx.host.workspaceRoots?.()[0];
    file = root ? path.join(root, clean) : undefined;
  } else if (docPath) file = path.resolve(path.dirname(docPath), clean);
  if (!file) return ctx.t(F['hover.imageNowhere'], { url: code(url) });
  if (ctx.host.fileExists && !ctx.host.fileExists(file)) return ctx.t(F['hover.imageMissing'], { url: code(url), file: code(file) });
  return `![${escape(link.text)}](${URI.file(file).toString()})\n\n\`${code(url)}\``;
}

async function webLinkHover(ctx: FeatureContext, doc: ServiceDocument, model: IssueModel, link: Link): Promise<string> {
  const kind = classifyUrl(link.url);
  const entry = model.references?.entries.find((e) => e.link === link);
  const paper = entry ? paperOfReference(model, entry.text) : paperAt(model, link.start);
  const lines: string[] = [];
  let head = `**${escape(kindWords(kind, ctx.t))}**`;
  if (paper) head += ctx.t(F['hover.ofPaper'], { name: escape(paper.name) });
  if (entry) head += ctx.t(F['hover.referenceNumber'], { number: entry.number ?? model.references!.entries.indexOf(entry) + 1 });
  lines.push(head);
  if (kind.kind === 'arxiv') {
    const l = arxivLinks(kind.id, kind.version);
    lines.push('', `[abs](${l.abs}) · [pdf](${l.pdf}) · [html](${l.html})`);
  }
  const allowed = ctx.host.previewsAllowed?.(doc.uri) ?? { allowed: !!ctx.previews };
  const previews = ctx.previews;
  // Previews turned off (or none in this host): nothing to say about them.
  if (!previews || allowed.why === 'off') return lines.join('\n');
  lines.push('', '---', '');
  if (!allowed.allowed) {
    const reason = allowed.why === 'untrusted' ? ctx.t(F['hover.untrusted']) : allowed.reason ?? ctx.t(F['hover.previewsUnavailable']);
    lines.push(ctx.t(F['hover.noPreview'], { reason: escapeInline(reason) }));
    return lines.join('\n');
  }
  const result = await previews.get(link.url);
  if ('failure' in result) lines.push(ctx.t(F['hover.noPreview'], { reason: escapeInline(describePreviewFailure(result.failure, ctx.t)) }));
  else lines.push(...renderPreview(ctx, result.preview));
  return lines.join('\n');
}

function renderPreview(ctx: FeatureContext, preview: Preview): string[] {
  switch (preview.source) {
    case 'arxiv': {
      const a = preview.arxiv;
      const authors = a.authors.length > 6 ? `${a.authors.slice(0, 6).join(', ')} et al.` : a.authors.join(', ');
      return [`**${escape(a.title)}**`, '', escape(authors), '', escape(truncate(a.abstract, 900))];
    }
    case 'github': {
      const g = preview.github;
      const pushed = g.pushedAt ? ctx.t(F['hover.lastPush'], { date: g.pushedAt.slice(0, 10) }) : '';
      return [`**${escape(g.fullName)}**${g.description ? `: ${escape(g.description)}` : ''}`, '', `★ ${g.stars.toLocaleString('en-US')}${pushed}${g.language ? ` · ${escape(g.language)}` : ''}`];
    }
    case 'page': {
      const p = preview.page;
      const out = [`**${escape(p.title ?? preview.url)}**${p.siteName ? ` · ${escape(p.siteName)}` : ''}`];
      if (p.description) out.push('', escape(truncate(p.description, 600)));
      if (p.image && /^https:\/\//i.test(p.image)) out.push('', `![preview](${p.image.replace(/[()\s]/g, encodeURIComponent)})`);
      return out;
    }
  }
}

/**
 * Fetched and local text goes into Markdown: escape what would act as inline markup or raw HTML, and
 * what would open a block (a heading, list or quote) at the start of the text.
 */
function escape(text: string): string {
  return escapeInline(text).replace(/^(\s*)([#>+=-]|\d+(?=[.)]))/, (_, space: string, mark: string) => `${space}\\${mark}`);
}

/** Escapes inline markup only: for text that goes inside a line (a reason after "No preview: "). */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>&|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** Text inside a code span: backticks cannot be escaped there, so they are dropped. */
function code(text: string): string {
  return text.replace(/`/g, '');
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function fileName(uri: string): string {
  return path.basename(uriToPath(uri) ?? uri);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
