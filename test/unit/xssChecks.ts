/** Checks of rendered HTML for anything executable, shared by the preview's and the publishing targets' XSS tests. */
interface Tag {
  name: string;
  attrs: [string, string][];
}
/** Start tags and attributes of rehype-stringify's output (well-formed: quoted values, escaped text). */
export function startTags(html: string): Tag[] {
  return [...html.matchAll(/<([a-zA-Z][^\s/>]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: [...m[2].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), decode(a[2] ?? '')] as [string, string]),
  }));
}
function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const FORBIDDEN_TAGS = ['script', 'iframe', 'frame', 'object', 'embed', 'meta', 'base', 'link', 'style', 'form', 'button', 'svg', 'math',
  'template', 'noscript', 'video', 'audio', 'source', 'picture', 'marquee', 'applet', 'textarea', 'select', 'body', 'html', 'head', 'foreignobject'];
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'cite', 'poster', 'background', 'longdesc', 'srcset']);
/** A URL that a browser would run, or hand to another handler, once stripped of what browsers ignore. */
const DANGEROUS_URL = /^(javascript|vbscript|data|command|file|blob):/i;

/** `ownStyles`: style attributes are the renderer's own (publishing targets); only their values are checked. */
export function problemsIn(html: string, options: { ownStyles?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const tag of startTags(html)) {
    if (FORBIDDEN_TAGS.includes(tag.name)) problems.push(`<${tag.name}>`);
    if (tag.name === 'input' && !tag.attrs.some(([n, v]) => n === 'type' && v === 'checkbox')) problems.push('<input> other than a checkbox');
    for (const [name, value] of tag.attrs) {
      if (/^on/.test(name)) problems.push(`${name}= on <${tag.name}>`);
      if (name === 'style' && options.ownStyles) {
        if (/url\(|expression|javascript|@import|position|behavior/i.test(value)) problems.push(`style="${value}" on <${tag.name}>`);
        continue;
      }
      if (['style', 'srcdoc', 'formaction', 'action', 'http-equiv', 'autofocus', 'srcset', 'xlink:href'].includes(name)) problems.push(`${name}= on <${tag.name}>`);
      // Browsers drop ASCII whitespace and control characters anywhere in a scheme.
      const squeezed = value.replace(/[\u0000-\u0020\u007f]/g, '');
      if (URL_ATTRS.has(name) && DANGEROUS_URL.test(squeezed)) problems.push(`${name}="${value}" on <${tag.name}>`);
      if (name === 'id' || name === 'name') {
        if (value === '__xss') problems.push(`${name}="__xss" clobbers a global`);
      }
    }
  }
  return problems;
}

