import { slugify } from '@mdit-vue/shared';
import type { SlugStyle } from './slugStyle';
import { firstFreeSuffixes } from './suffixes';

/**
 * VuePress 2 and VitePress: both pass `slugify` of @mdit-vue/shared to markdown-it-anchor (vuepress/core
 * packages/markdown/src/markdown.ts; VitePress's markdown setup does the same). That slugify is used as is:
 * NFKD (so `：` becomes `:` and `，` becomes `,`), accents and control characters dropped, every run of
 * spaces and ASCII punctuation to one `-`, no `-` at either end, `_` before a leading digit, lower case;
 * Chinese and emoji are kept. Repeats follow markdown-it-anchor's uniqueSlug with its default
 * uniqueSlugStartIndex 1: the first free `-1`, `-2`, ….
 */
export const vuepressSlugStyle: SlugStyle = {
  id: 'vuepress',
  label: 'VuePress / VitePress',
  description: 'VuePress 2 / VitePress (markdown-it-anchor with @mdit-vue slugify): full-width punctuation normalized, then punctuation and spaces to "-".',
  create() {
    const dedupe = firstFreeSuffixes();
    return { slug: (text) => dedupe(slugify(text)) };
  },
};
