import { githubSlugStyle } from './github';
import type { SlugStyle } from './slugStyle';

export type { SlugStyle, Slugger } from './slugStyle';

/** Every slug style the `weekly.slugStyle` setting and the CLI's `--slug` accept. */
export const slugStyles: readonly SlugStyle[] = [githubSlugStyle];

export function findSlugStyle(id: string): SlugStyle | undefined {
  return slugStyles.find((s) => s.id === id);
}
