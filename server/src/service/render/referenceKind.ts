import type { LanguagePreset } from '../config/weeklyConfig';

export type ReferenceKind = 'project' | 'github' | 'paper';

/** Hosts whose pages are papers (or a paper's landing page), besides any URL that ends in `.pdf`. */
const PAPER_HOSTS = ['arxiv.org', 'openreview.net', 'aclanthology.org', 'doi.org', 'papers.nips.cc', 'proceedings.mlr.press'];

/**
 * What a reference entry points to, by its URL: where the reader will land matters more than what the
 * link text claims (an entry called "项目主页" that links to github.com is shown as a GitHub repository).
 */
export function referenceKindOf(url: string): ReferenceKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'project';
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const under = (h: string) => host === h || host.endsWith('.' + h);
  if (under('github.com')) return 'github';
  if (PAPER_HOSTS.some(under) || parsed.pathname.toLowerCase().endsWith('.pdf')) return 'paper';
  if (host === 'huggingface.co' && parsed.pathname.startsWith('/papers/')) return 'paper';
  return 'project';
}

/** The kind's name in the issue's own language, from the preset the checker also uses. */
export function referenceKindLabel(kind: ReferenceKind, preset: LanguagePreset): string {
  return preset.referenceKinds[kind];
}
