import { githubSlugStyle } from './github';
import { gitlabSlugStyle } from './gitlab';
import { hexoSlugStyle } from './hexo';
import { hugoSlugStyle } from './hugo';
import { jekyllSlugStyle } from './jekyll';
import { mkdocsSlugStyle } from './mkdocs';
import type { SlugStyle } from './slugStyle';
import { vuepressSlugStyle } from './vuepress';

export type { SlugStyle, Slugger } from './slugStyle';

/** Every slug style the `weekly.slugStyle` setting and the CLI's `--slug` accept; the first is the default. */
export const slugStyles: readonly SlugStyle[] = [
  githubSlugStyle,
  gitlabSlugStyle,
  hugoSlugStyle,
  vuepressSlugStyle,
  hexoSlugStyle,
  jekyllSlugStyle,
  mkdocsSlugStyle,
];

export function findSlugStyle(id: string): SlugStyle | undefined {
  return slugStyles.find((s) => s.id === id);
}
