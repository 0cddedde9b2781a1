/**
 * The look of the published issue (WeChat, email) as inline styles: close to the preview's light theme
 * (styles.ts), written out because neither WeChat's editor nor mail clients keep a `<style>` element.
 * Set on the tree by role (publishTree.ts) rather than by a CSS inliner such as juice: the map is small,
 * and an inliner would add its CSS parser and selector engine to the VSIX for the same result.
 * Only what WeChat keeps: no `position`, pseudo-elements or background images.
 */
const FG = '#1f2328';
const MUTED = '#59636e';
const LINK = '#0969da';
const BORDER = '#d1d9e0';
const CODE_BG = '#f6f8fa';

export type StyleRole =
  | 'body' | 'h1' | 'h2' | 'h3' | 'h4' | 'p' | 'a' | 'list' | 'li' | 'blockquote' | 'code' | 'preCode' | 'pre'
  | 'img' | 'hr' | 'table' | 'cell' | 'strong' | 'em' | 'tag' | 'referenceKind' | 'noteMark' | 'notesHeading' | 'note'
  | 'imageMissing';

export const FONT_FAMILY = '-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Segoe UI",Helvetica,Arial,sans-serif';

const heading = (size: number, rule: boolean) =>
  `font-size:${size}px;font-weight:bold;line-height:1.4;color:${FG};margin:1.4em 0 .7em;` +
  (rule ? `padding-bottom:.3em;border-bottom:1px solid ${BORDER};` : '');

export const PUBLISH_STYLES: Record<StyleRole, string> = {
  body: `font-family:${FONT_FAMILY};font-size:15px;line-height:1.75;color:${FG};word-wrap:break-word;`,
  h1: heading(24, true),
  h2: heading(20, true),
  h3: heading(17, false),
  h4: heading(15, false),
  p: `margin:.8em 0;font-size:15px;line-height:1.75;color:${FG};`,
  a: `color:${LINK};text-decoration:none;`,
  list: 'margin:.6em 0;padding-left:1.6em;',
  li: `margin:.25em 0;font-size:15px;line-height:1.75;color:${FG};`,
  blockquote: `margin:1em 0;padding:0 1em;color:${MUTED};border-left:4px solid ${BORDER};`,
  code: `font-family:Menlo,Consolas,monospace;font-size:.9em;background-color:${CODE_BG};padding:.1em .3em;border-radius:4px;`,
  preCode: 'font-family:Menlo,Consolas,monospace;font-size:13px;',
  pre: `background-color:${CODE_BG};padding:12px 16px;overflow-x:auto;border-radius:6px;line-height:1.5;white-space:pre;`,
  img: 'display:block;max-width:100%;height:auto;margin:.8em auto;',
  hr: `border:0;border-top:1px solid ${BORDER};margin:1.5em 0;`,
  table: 'border-collapse:collapse;margin:1em 0;',
  cell: `border:1px solid ${BORDER};padding:4px 10px;`,
  strong: 'font-weight:bold;',
  em: 'font-style:italic;',
  tag: 'display:inline-block;padding:0 .6em;margin:.1em .15em;border-radius:1em;font-size:.85em;line-height:1.6;background-color:#ddf4ff;color:#0550ae;',
  referenceKind: `display:inline-block;min-width:5.5em;padding:0 .5em;margin-right:.2em;border-radius:4px;font-size:.78em;text-align:center;border:1px solid ${BORDER};color:${MUTED};`,
  noteMark: `font-size:.75em;color:${MUTED};`,
  notesHeading: heading(17, false),
  note: `margin:.2em 0;font-size:13px;line-height:1.6;color:${MUTED};word-break:break-all;`,
  imageMissing: `color:${MUTED};font-style:italic;`,
};

/** A reference entry's badge takes the colour of its kind, as in the preview. */
export const REFERENCE_KIND_COLORS: Record<string, string> = { github: FG, paper: '#d1242f', project: LINK };
