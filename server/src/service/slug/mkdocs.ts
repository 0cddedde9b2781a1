import type { SlugStyle } from './slugStyle';

/**
 * MkDocs: Python-Markdown's toc extension with its default `slugify` and `unique`
 * (markdown/extensions/toc.py): NFKD, then every non-ASCII character dropped (so Chinese vanishes and `：`
 * survives only as `:`), every character that is not a word character, whitespace or `-` dropped, trim,
 * lower case, every run of `-` and whitespace to one `-`. `unique` keeps ids apart with underscores: an id
 * that is empty or taken becomes `id_1`, and one already ending in `_<n>` counts on to `_<n+1>`, so a
 * heading that is all Chinese gets `_1`, the next `_2`.
 * Hand-written: Python-Markdown is Python.
 */
export function pythonMarkdownSlug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[^\u0000-\u007f]/gu, '');
  // Python's \s on str also matches \x1c-\x1f; after the ASCII filter, Python's \w is [A-Za-z0-9_].
  return ascii
    .replace(/[^\w\s\x1c-\x1f-]/g, '')
    .replace(/^[\s\x1c-\x1f]+|[\s\x1c-\x1f]+$/g, '')
    .toLowerCase()
    .replace(/[-\s\x1c-\x1f]+/g, '-');
}

const COUNTED = /^(.*)_([0-9]+)$/;

export const mkdocsSlugStyle: SlugStyle = {
  id: 'mkdocs',
  label: 'MkDocs (Python-Markdown)',
  description: 'MkDocs (Python-Markdown toc): non-ASCII dropped, so Chinese headings become "_1", "_2"; repeats get "_1", "_2".',
  create() {
    const taken = new Set<string>();
    return {
      slug(text) {
        let id = pythonMarkdownSlug(text);
        while (id === '' || taken.has(id)) {
          const m = COUNTED.exec(id);
          id = m ? `${m[1]}_${Number(m[2]) + 1}` : `${id}_1`;
        }
        taken.add(id);
        return id;
      },
    };
  },
};
