/**
 * The Markdown parser of the model: markdown-it (CommonMark + GFM tables, strikethrough and URL
 * autolinks), with footnotes and front matter from its well-kept plugins. markdown-it is linear on
 * hostile input (nesting is capped, emphasis and links are matched without backtracking) and several
 * times faster than the parser it replaced, which took seconds on nested lists and quotes and overflowed the stack
 * on deep nesting. It does not say where inline tokens are, so each inline rule is wrapped to record the
 * span it consumed (token.meta.src), and definitions record their lines in the parse environment.
 */
import MarkdownIt, { type PluginSimple, type PluginWithOptions } from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import footnote from 'markdown-it-footnote';
import frontMatter from 'markdown-it-front-matter';

export interface ParseEnv {
  references?: Record<string, { href: string; title: string }>;
  /** Lines of each link reference definition, with its key in `references` when it was the first. */
  definitionLines: Array<{ identifier?: string; startLine: number; endLine: number }>;
  /** The keys of `references` already reported in `definitionLines`. */
  definitionKeys: Set<string>;
  footnoteLines: Array<{ label: string; startLine: number; endLine: number }>;
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
interface RuleEntry<F> { name: string; fn: F; alt: string[] }

/**
 * URLs markdown-it's normalizeLink gives back as they are: a path, query or fragment with no scheme, or
 * an http(s) URL with a plain host, of ASCII characters that percent-encoding keeps and valid `%XX`
 * escapes (a property test holds this to normalizeLink itself).
 */
export const UNCHANGED_BY_NORMALIZE = /^(?:https?:\/\/[A-Za-z0-9.-]+(?::[0-9]+)?(?=[/?#]|$)|(?!\/\/)(?=[^:]*$))(?:[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]|%[0-9A-Fa-f]{2})*$/;

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: true });
  // The plugins' own type packages lag markdown-it's; they are plain markdown-it plugins.
  md.use(footnote as unknown as PluginSimple).use(frontMatter as unknown as PluginWithOptions, () => undefined);
  // Keep each text token one verbatim run of source (no joining after parse), and leave bare
  // `www.` links alone: GitHub's `https://` autolinks are found by the inline linkify rule, with spans.
  md.core.ruler.disable(['text_join', 'linkify']);
  // Line endings to \n and NUL to U+FFFD copy the whole text through two regular expressions: only when there are any.
  const normalize = (md.core.ruler as unknown as { __rules__: RuleEntry<(state: { src: string }) => void>[] }).__rules__.find((r) => r.name === 'normalize')!.fn;
  md.core.ruler.at('normalize', (state) => {
    if (state.src.includes('\r') || state.src.includes('\0')) normalize(state);
  });
  md.inline.ruler2.disable('fragments_join');
  // Footnote definitions stay where they are written (rendering would move the referenced ones to the
  // end and drop the others): their headings and links count either way.
  md.core.ruler.disable('footnote_tail');

  // Most destinations are plain ASCII URLs that normalizeLink (parse, punycode, format, percent-encode)
  // returns unchanged, at a cost that showed in profiles of whole checks: answered without it.
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => {
    if (UNCHANGED_BY_NORMALIZE.test(url)) return url;
    // A fragment (`#第二节`, every TOC link of a Chinese issue): mdurl parses it as a hash alone and
    // percent-encodes what encodeURI encodes (the same kept set), unless a `%` escape must be kept or a
    // lone surrogate replaced (encodeURI throws on those).
    const trimmed = url.trim();
    if (trimmed.charCodeAt(0) === 35 /* # */ && !trimmed.includes('%')) {
      try {
        return encodeURI(trimmed);
      } catch {
        // a lone surrogate: normalizeLink's answer
      }
    }
    return normalizeLink(url);
  };

  // Text is flushed from a pending buffer whenever the next token is pushed, so inside some other
  // rule's call: mark it, so that it does not take that rule's span.
  const BaseState = md.inline.State;
  md.inline.State = class extends BaseState {
    override pushPending() {
      const token = super.pushPending();
      token.meta = { pending: true };
      return token;
    }
  } as typeof BaseState;

  const inlineRules = (md.inline.ruler as unknown as { __rules__: RuleEntry<InlineRule>[] }).__rules__;
  for (const rule of [...inlineRules]) {
    const fn = rule.fn;
    const isEmphasis = rule.name === 'emphasis';
    md.inline.ruler.at(rule.name, (state, silent) => {
      const start = state.pos;
      const before = state.tokens.length;
      const ok = fn(state, silent);
      if (ok && !silent) {
        // A `*`/`_` run remembers the end of the range it was scanned in: a run that stays text is
        // found by emphasis-unrendered (inlineFacts.ts) from the parser's own decision, and its flanking
        // is worked out then (delimiterRun), for the few runs that stay text, not for every run.
        const src: [number, number] = [start, state.pos];
        for (let i = before; i < state.tokens.length; i++) {
          const t = state.tokens[i];
          const meta = t.meta;
          if (meta === null || meta === undefined) t.meta = isEmphasis ? { src, runMax: state.posMax } : { src };
          else if (!meta.src && !meta.pending) t.meta = { ...meta, src, ...(isEmphasis && { runMax: state.posMax }) };
        }
      }
      return ok;
    }, { alt: rule.alt });
  }

  const blockRules = (md.block.ruler as unknown as { __rules__: RuleEntry<BlockRule>[] }).__rules__;
  const wrapBlock = (name: string, record: (state: StateBlock, startLine: number) => void) => {
    const rule = blockRules.find((r) => r.name === name);
    if (!rule) return;
    const fn = rule.fn;
    md.block.ruler.at(name, (state, startLine, endLine, silent) => {
      // Both rules read a line opening with `[`: the others (nearly all) need no bookkeeping.
      if (state.src.charCodeAt(state.bMarks[startLine] + state.tShift[startLine]) !== 0x5b /* [ */) return false;
      const ok = fn(state, startLine, endLine, silent);
      if (ok && !silent) record(state, startLine);
      return ok;
    }, { alt: rule.alt });
  };
  wrapBlock('reference', (state, startLine) => {
    const env = state.env as ParseEnv;
    // The key this definition added, if it was the label's first: the one not yet seen. Counted, not
    // compared, on each definition (most `[` lines are links, not definitions: they cost nothing).
    const keys = Object.keys(env.references ?? {});
    let added: string | undefined;
    if (keys.length > env.definitionKeys.size) {
      added = keys.find((key) => !env.definitionKeys.has(key));
      if (added !== undefined) env.definitionKeys.add(added);
    }
    env.definitionLines?.push({ identifier: added, startLine, endLine: state.line });
  });
  wrapBlock('footnote_def', (state, startLine) => {
    const env = state.env as ParseEnv;
    const open = [...state.tokens].reverse().find((t) => t.type === 'footnote_reference_open');
    const label = String((open?.meta as { label?: string })?.label ?? '');
    env.footnoteLines?.push({ label, startLine, endLine: state.line });
  });
  return md;
}

/** The flanking of the delimiter run at `start` (CommonMark 6.2), and whether CJK text or punctuation is next to it. */
export interface DelimiterRun {
  left: boolean;
  right: boolean;
  nearCjkOrPunctuation: boolean;
}

const CJK_OR_PUNCTUATION = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{P}]/u;

/**
 * The flanking of the `*`/`_` run at `start` of inline content `src`, as if intraword `_` were allowed,
 * scanned as the emphasis rule scanned it (`max`: the end of the range it was parsing, a link label's end inside one).
 */
export function delimiterRun(src: string, start: number, max: number): DelimiterRun {
  const state = new markdownParser.inline.State(src, markdownParser, {}, []);
  state.posMax = max;
  const scanned = state.scanDelims(start, true);
  const before = start > 0 ? src[start - 1] : '';
  const after = src[start + scanned.length] ?? '';
  return { left: scanned.can_open, right: scanned.can_close, nearCjkOrPunctuation: CJK_OR_PUNCTUATION.test(before) || CJK_OR_PUNCTUATION.test(after) };
}

export const markdownParser = createParser();

/**
 * The same parser with the inline pass switched off: the block structure only, for a shallow parse
 * (parseFacts.ts), which then parses the inline content it needs through `parseInline`.
 */
export const shallowMarkdownParser = createParser();
shallowMarkdownParser.core.ruler.disable('inline');

/**
 * The parser for inline content that holds no character any inline rule but text, line breaks and
 * emphasis starts at (most of an issue: summaries of plain text with bold names): the same tokens as the
 * full rule set, without trying a dozen other rules at every `*`, `-` or `:` (see parseInline).
 */
const emphasisOnlyParser = createParser();
emphasisOnlyParser.core.ruler.disable('inline');
emphasisOnlyParser.inline.ruler.enableOnly(['text', 'newline', 'emphasis']);

/**
 * What the other inline rules start at: links, images and footnotes (`[`), autolinks and raw HTML (`<`),
 * code (`` ` ``), escapes (`\`), entities (`&`), strikethrough (`~`) and bare URLs (`://`, linkify).
 * Without any of them those rules cannot match anywhere, so leaving them out changes no token.
 */
const NEEDS_EVERY_INLINE_RULE = /[[<`\\&~]|:\/\//;

/**
 * Content that is one inline link and nothing else, with a label no inline rule but text can start in
 * (no brackets, backslash, backtick, `<`, `>`, `*`, `_`, `~`, `&`, `!`, `^` or line break; linkify is off
 * inside links) and a plain destination (no space, control, parenthesis, `<`, `>`, backslash or quote, so
 * no title): every TOC entry and reference of an issue. About half the inline content of an issue, and the costliest to parse with the
 * rule set: markdown-it tries every rule at every character of the label (skipToken) and then tokenizes it.
 */
const ONE_PLAIN_LINK = /^\[([^[\]\\`<>*_~&!^\n]*)\]\(([^\s()<>\\"'\x00-\x1f\x7f]+)\)$/;

/**
 * The tokens markdown-it's link rule makes for such content, made with markdown-it's own inline state
 * (levels, the pending text token), spans as the wrapped rules record them: link_open, the label's text,
 * link_close. Written here because no option of markdown-it skips its rule loop for a known shape; a
 * property test holds it to the full rule set's tokens. False (nothing pushed) when the content is not
 * of that shape, or markdown-it would refuse the link (validateLink).
 */
function parseOnePlainLink(content: string, env: ParseEnv, children: Token[]): boolean {
  const m = ONE_PLAIN_LINK.exec(content);
  if (!m) return false;
  const parser = shallowMarkdownParser;
  const href = parser.normalizeLink(m[2]);
  if (!parser.validateLink(href)) return false;
  const state = new parser.inline.State(content, parser, env, children);
  const whole: [number, number] = [0, content.length];
  const open = state.push('link_open', 'a', 1);
  open.attrs = [['href', href]];
  open.meta = { src: whole };
  if (m[1]) {
    state.pending = m[1];
    state.pushPending(); // the label's text token, marked pending as the text rule's are
  }
  state.push('link_close', 'a', -1).meta = { src: whole };
  return true;
}

/** The inline tokens of one inline token's content, as markdown-it's own inline pass makes them. */
export function parseInline(content: string, env: ParseEnv): Token[] {
  const children: Token[] = [];
  if (content.charCodeAt(0) === 0x5b /* [ */ && parseOnePlainLink(content, env, children)) return children;
  const parser = NEEDS_EVERY_INLINE_RULE.test(content) ? shallowMarkdownParser : emphasisOnlyParser;
  parser.inline.parse(content, parser, env, children);
  return children;
}

/** A reference label as definitions and references are matched: case-folded, whitespace collapsed. */
export function normalizeLabel(label: string): string {
  return markdownParser.utils.normalizeReference(label).toLowerCase();
}
