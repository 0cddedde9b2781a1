import GithubSlugger from 'github-slugger';
import type { SlugStyle } from './slugStyle';

/** GitHub's heading ids: github-slugger, the library that mirrors GitHub's own rules. */
export const githubSlugStyle: SlugStyle = {
  id: 'github',
  label: 'GitHub',
  create() {
    const slugger = new GithubSlugger();
    return { slug: (text) => slugger.slug(text) };
  },
};
