/**
 * What raw HTML gives a page: ids to link to (`<a id="x">`, `<a name="x">`, `<h2 id="x">`) and links
 * (`<a href="#x">`). The Markdown parser has already cut out the HTML fragment; a full HTML parser for
 * two attributes would cost more than it gives, so the attributes are read with a pattern.
 */
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?\/?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ATTR = /(^|\s)(id|name|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

export interface HtmlAttribute {
  kind: 'id' | 'href';
  value: string;
  /** Offset of the value in the scanned HTML. */
  index: number;
  /** Whether the attribute is on an `<a>` element. */
  onAnchor: boolean;
}

export function scanHtml(html: string): HtmlAttribute[] {
  // Comments hold no ids or links: blank them out (same length, so indexes stay true).
  html = html.replace(COMMENT, (c) => ' '.repeat(c.length));
  const out: HtmlAttribute[] = [];
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag; tag = TAG.exec(html)) {
    const attrs = tag[2];
    if (!attrs) continue;
    const attrsOffset = tag.index + 1 + tag[1].length;
    const onAnchor = tag[1].toLowerCase() === 'a';
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      const name = a[2].toLowerCase();
      if (name === 'name' && !onAnchor) continue;
      const value = a[3] ?? a[4] ?? a[5] ?? '';
      const quoted = a[3] !== undefined || a[4] !== undefined;
      const index = attrsOffset + a.index + a[0].length - value.length - (quoted ? 1 : 0);
      if (name === 'href') out.push({ kind: 'href', value, index, onAnchor });
      else if (value) out.push({ kind: 'id', value, index, onAnchor });
    }
  }
  return out;
}
