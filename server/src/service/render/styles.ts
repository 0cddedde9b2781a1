/**
 * The preview's and the export's stylesheet, inlined under the page's CSP nonce. It follows VS Code's
 * theme through its CSS variables; each has a fallback for the standalone file, where none is set.
 */
export const ISSUE_CSS = `
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --link: var(--vscode-textLink-foreground, #0969da);
  --link-active: var(--vscode-textLink-activeForeground, #0550ae);
  --border: var(--vscode-panel-border, #d1d9e0);
  --code-bg: var(--vscode-textCodeBlock-background, #f6f8fa);
  --chip-bg: var(--vscode-badge-background, #ddf4ff);
  --chip-fg: var(--vscode-badge-foreground, #0550ae);
  --error: var(--vscode-editorError-foreground, #d1242f);
  --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da);
  /* Reference kinds are categories, not states: the theme's chart colours, never its error red. */
  --kind-paper: var(--vscode-charts-purple, #8250df);
  --kind-github: var(--vscode-charts-foreground, #1f2328);
  --kind-project: var(--vscode-charts-blue, #0969da);
  --font: var(--vscode-markdown-font-family, var(--vscode-font-family, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif));
}
html { color: var(--fg); background: var(--bg); }
body {
  font-family: var(--font);
  font-size: var(--vscode-markdown-font-size, 15px);
  line-height: var(--vscode-markdown-line-height, 1.65);
  max-width: 880px; margin: 0 auto; padding: 0 26px 40vh; word-wrap: break-word;
}
a { color: var(--link); text-decoration: none; }
a:hover { color: var(--link-active); text-decoration: underline; }
img { max-width: 100%; height: auto; }
hr { border: 0; border-top: 1px solid var(--border); margin: 1.5em 0; }
h1, h2 { border-bottom: 1px solid var(--border); padding-bottom: .3em; }
h1 { font-size: 2em; } h2 { font-size: 1.5em; margin-top: 1.6em; }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
pre { background: var(--code-bg); padding: 12px 16px; overflow: auto; border-radius: 6px; }
pre code { padding: 0; background: none; }
blockquote { margin: 0; padding: 0 1em; color: var(--muted); border-left: .25em solid var(--border); }
table { border-collapse: collapse; } th, td { border: 1px solid var(--border); padding: 4px 10px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.weekly-problems {
  position: sticky; top: 0; z-index: 1; display: flex; gap: 1em; padding: 6px 10px; margin: 0 -10px 8px;
  font-size: 12px; background: var(--vscode-editorWidget-background, #f6f8fa); border-bottom: 1px solid var(--border);
}
.weekly-problems-clean .problems-none { color: var(--muted); }
.weekly-problems[data-first-line] { cursor: pointer; }
.weekly-problems[data-first-line]:hover .problems-errors:not(.problems-zero),
.weekly-problems[data-first-line]:hover .problems-warnings:not(.problems-zero) { text-decoration: underline; }
.problems-errors { color: var(--error); } .problems-warnings { color: var(--warning); } .problems-infos { color: var(--info); }
.weekly-problems .problems-zero { color: var(--muted); }
.tag-chip {
  display: inline-block; padding: 0 .6em; margin: .1em .15em; border-radius: 1em; font-size: .85em; line-height: 1.6;
  background: var(--chip-bg); color: var(--chip-fg);
}
.reference-kind {
  display: inline-block; min-width: 5.5em; padding: 0 .5em; margin-right: .2em; border-radius: 4px; font-size: .78em;
  text-align: center; border: 1px solid var(--border); color: var(--muted);
}
.reference-kind-github { border-color: var(--kind-github); color: var(--kind-github); }
.reference-kind-paper { border-color: var(--kind-paper); color: var(--kind-paper); }
.reference-kind-project { border-color: var(--kind-project); color: var(--kind-project); }
a.anchor-problem { text-decoration: underline wavy; text-underline-offset: 3px; }
a.anchor-problem-error { text-decoration-color: var(--error); }
a.anchor-problem-warning, a.anchor-problem-info, a.anchor-problem-hint { text-decoration-color: var(--warning); }
a.anchor-problem::after { content: " \\26A0"; color: var(--warning); }
/* An error is marked with a cross, a warning with the warning sign (⚠ on an error read as a warning). */
a.anchor-problem-error::after { content: " \\2716"; color: var(--error); }
.image-placeholder {
  display: inline-block; min-width: 12em; padding: .6em 1em; border: 1px dashed var(--border); border-radius: 4px;
  color: var(--muted); font-size: .9em;
}
.image-placeholder-name { font-weight: 600; }
.code-line-active { outline: 1px solid var(--vscode-editor-selectionHighlightBorder, transparent); }
@media print {
  :root { --fg: #000; --bg: #fff; --muted: #444; --link: #000; --border: #bbb; --code-bg: #f4f4f4; --chip-bg: #eee; --chip-fg: #000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  .weekly-problems { display: none; }
  a.anchor-problem { text-decoration: none; } a.anchor-problem::after { content: none; }
  h1, h2, h3 { break-after: avoid; } img, pre, li { break-inside: avoid; }
}
`;
