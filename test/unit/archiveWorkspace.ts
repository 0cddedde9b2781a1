/** Small issues for the archive tests (archive.test.ts, tagTrends.test.ts). */

/** An issue: `weekly: true` front matter, an optional date, papers `name: tags`. */
export function issue(title: string, papers: Record<string, string>, date?: string): string {
  const head = ['---', 'weekly: true', ...(date ? [`date: ${date}`] : []), '---', `# ${title}`, ''];
  const body = Object.entries(papers).flatMap(([name, tags]) => [`## ${name}: a paper`, '', '**Summary**: text.', '', `**Tags**: ${tags}`, '']);
  return [...head, ...body].join('\n');
}

export const FILES = {
  'a.md': issue('Week A', { Alpha: '#diffusion #video', Beta: '#diffusion' }, '2026-01-05'),
  'b.md': issue('Week B', { Gamma: '#video #agents', Alpha: '#diffusion #diffusion' }, '2026-02-02'),
  '2026-02-16.md': issue('Week C', { Delta: '#agents' }),
  'notes.md': '# Notes\n\nJust notes, #notATag.\n',
};
