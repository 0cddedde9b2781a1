/**
 * A repository's preview from GitHub's REST API answer. Apart from parse.ts: JSON needs no HTML parser,
 * so a GitHub hover does not load dist/render.js (esbuild.mjs).
 */
export interface GithubPreview {
  fullName: string;
  description?: string;
  stars: number;
  pushedAt?: string;
  language?: string;
}

export function parseGithubRepo(json: string): GithubPreview | undefined {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || typeof data.full_name !== 'string') return undefined;
  return {
    fullName: data.full_name,
    description: typeof data.description === 'string' ? data.description : undefined,
    stars: typeof data.stargazers_count === 'number' ? data.stargazers_count : 0,
    pushedAt: typeof data.pushed_at === 'string' ? data.pushed_at : undefined,
    language: typeof data.language === 'string' ? data.language : undefined,
  };
}
