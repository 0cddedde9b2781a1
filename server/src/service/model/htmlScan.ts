/**
 * What raw HTML gives a page: ids to link to (`<a id="x">`, `<a name="x">`, `<h2 id="x">`), links
 * (`<a href="#x">`) and images (`<img src="x.png" width="600">`, pasted for sized images). The Markdown parser has already cut out the HTML fragment; a full HTML parser for
 * two attributes would cost more than it gives, so the attributes are read with a pattern.
 */
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*?)?\/?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ATTR = /(^|\s)(id|name|href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

export interface HtmlAttribute {
  kind: 'id' | 'href' | 'src';
  value: string;
  /** Offset of the value in the scanned HTML. */
  index: number;
  /** Whether the attribute is on an `<a>` element. */
  onAnchor: boolean;
  /** Where its element's start tag is in the scanned HTML (`<img …>` is the image, `src` its destination). */
  tagStart: number;
  tagEnd: number;
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
    const element = tag[1].toLowerCase();
    const onAnchor = element === 'a';
    const tagStart = tag.index;
    const tagEnd = tag.index + tag[0].length;
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      const name = a[2].toLowerCase();
      if (name === 'name' && !onAnchor) continue;
      if (name === 'src' && element !== 'img') continue; // <script src>, <iframe src>: not images
      const value = a[3] ?? a[4] ?? a[5] ?? '';
      const quoted = a[3] !== undefined || a[4] !== undefined;
      const index = attrsOffset + a.index + a[0].length - value.length - (quoted ? 1 : 0);
      if (name === 'href' || name === 'src') out.push({ kind: name, value, index, onAnchor, tagStart, tagEnd });
      else if (value) out.push({ kind: 'id', value, index, onAnchor, tagStart, tagEnd });
    }
  }
  return out;
}
