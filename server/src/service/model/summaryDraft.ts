/**
 * A summary written from a lookup's abstract carries an HTML comment, `<!-- weekly:draft 1a2b3c4d -->`:
 * invisible in the preview, the exports and on GitHub (comments are dropped), and holding a hash of the
 * text it was written with. While the text still has that hash, the summary is the abstract, not yet
 * rewritten for readers (the summary-draft rule says so); once the editor changes it, the marker is stale
 * and ignored.
 */

export const DRAFT_MARKER = /\s*<!--\s*weekly:draft(?:\s+([0-9a-f]{8}))?\s*-->/;

/** FNV-1a, 32 bits, of the text with its spaces squeezed: a change detector, not a secret. */
export function draftHash(text: string): string {
  let h = 0x811c9dc5;
  const s = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function withDraftMarker(summary: string): string {
  return `${summary} <!-- weekly:draft ${draftHash(summary)} -->`;
}

/** In a summary's source text: the marker's place and whether the text is unchanged since it was drafted. */
export function findDraftMarker(value: string): { start: number; end: number; unchanged: boolean } | undefined {
  // A summary without the marker's words is the usual case: the pattern's leading `\s*` keeps V8 from
  // searching for "<!--" quickly, and every keystroke of a long issue asks about every summary.
  if (!value.includes('weekly:draft')) return undefined;
  const m = DRAFT_MARKER.exec(value);
  if (!m) return undefined;
  const text = value.slice(0, m.index) + value.slice(m.index + m[0].length);
  return { start: m.index, end: m.index + m[0].length, unchanged: !m[1] || m[1] === draftHash(text) };
}
