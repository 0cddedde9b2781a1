/**
 * Ids that raw HTML gives a page to link to: `<a id="x">`, `<a name="x">`, `<h2 id="x">`. The Markdown
 * parser has already cut out the HTML fragment; a full HTML parser for one attribute would cost more
 * than it gives, so the attributes are read with a pattern.
 */
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?\/?>/g;
const ATTR = /(?:^|\s)(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

export function extractHtmlIds(html: string): string[] {
  const ids: string[] = [];
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
    const attrs = tag[2];
    if (!attrs) continue;
    const isAnchor = tag[1].toLowerCase() === 'a';
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      if (a[1].toLowerCase() === 'name' && !isAnchor) continue;
      const value = a[2] ?? a[3] ?? a[4] ?? '';
      if (value) ids.push(value);
    }
  }
  return ids;
}
