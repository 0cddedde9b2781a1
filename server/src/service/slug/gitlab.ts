import type { SlugStyle } from './slugStyle';
import { countingSuffixes } from './suffixes';

/**
 * GitLab's heading anchors, after `Gitlab::Utils::Markdown#string_to_anchor` and the duplicate counter of
 * `Banzai::Filter::TableOfContentsFilter` (gitlabhq), as GitLab's Markdown docs describe them:
 * trim, lower-case, drop the product-tier suffix of GitLab's own docs ("(premium)"), drop every character
 * that is not a word character (Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation),
 * `-` or a space, spaces to `-`, runs of `-` to one, an id of digits only gets `anchor-` in front (so it
 * cannot clash with issue references); the nth repeat of an id gets `-n`.
 * Hand-written: GitLab's code is Ruby inside its Rails app, not a package.
 */
const PRODUCT_SUFFIX = /\s*\**\((?:core|starter|premium|ultimate|free|bronze|silver|gold)(?:\s+(?:only|self|saas))?\)\**/gu;
const NOT_WORD = /[^\p{L}\p{M}\p{Nd}\p{Pc}\- ]/gu;

export function gitlabAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(PRODUCT_SUFFIX, '')
    .replace(NOT_WORD, '')
    .replace(/ /g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^(\d+)$/, 'anchor-$1');
}

export const gitlabSlugStyle: SlugStyle = {
  id: 'gitlab',
  label: 'GitLab',
  description: 'GitLab: like GitHub, but runs of "-" become one and digit-only ids get "anchor-"; repeats get -1, -2.',
  create() {
    const dedupe = countingSuffixes();
    return { slug: (text) => dedupe(gitlabAnchor(text)) };
  },
};
