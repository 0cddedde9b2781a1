import GithubSlugger from 'github-slugger';
import type { SlugStyle } from './slugStyle';

/** GitHub's heading ids: github-slugger, the library that mirrors GitHub's own rules. */
export const githubSlugStyle: SlugStyle = {
  id: 'github',
  label: 'GitHub',
  description: 'GitHub (github-slugger): lower case, punctuation and emoji dropped, spaces to "-"; Chinese kept.',
  create() {
    const slugger = new GithubSlugger();
    return { slug: (text) => slugger.slug(text) };
  },
};
