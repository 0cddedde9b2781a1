import * as path from 'path';
import { distance } from 'fastest-levenshtein';
import { encodeFragment } from './brokenAnchors';
import { fileLinkTargets, type FileLinkTarget } from '../fileLinks/fileLinkTargets';
import { FL, fileLinkTranslator } from '../fileLinks/fileLinkMessages';
import type { Finding, Rule, RuleContext } from './rule';

/**
 * `other.md#x` where other.md has no heading slug or HTML id `x` (the host's `anchorsOf`, under this
 * document's slug style; a link to this same file is checked against its own model). A case-only
 * difference gets its own message, as anchor-case does for this document. Files the host cannot tell
 * about (not Markdown, outside the workspace, missing: broken-file-link) are skipped.
 */
export const brokenFileAnchorRule: Rule = {
  code: 'broken-file-anchor',
  defaultSeverity: 'warning',
  description: { en: 'A link to another Markdown file names an #anchor that file does not have.', zh: '指向其他 Markdown 文件的链接所用的 #锚点在该文件中不存在。' },
  docPage: 'docs/rules/broken-file-anchor.md',
  scope: 'any',
  check(ctx) {
    const t = fileLinkTranslator(ctx);
    const out: Finding[] = [];
    const self = ctx.env.documentPath && path.resolve(ctx.env.documentPath);
    for (const target of fileLinkTargets(ctx)) {
      const fragment = target.fragment;
      // `#top` (any case) is the top of any page; an empty fragment is the page itself.
      if (!fragment || fragment.toLowerCase() === 'top' || target.fragmentStart === undefined) continue;
      const anchors = anchorsOf(ctx, target, self);
      if (!anchors || anchors.has(fragment)) continue;
      const file = path.basename(target.file);
      const range = { start: target.fragmentStart, end: target.end };
      const caseMatch = caseInsensitive(anchors, fragment);
      if (caseMatch !== undefined) {
        out.push({
          code: 'broken-file-anchor',
          ...range,
          message: t(FL['fileAnchor.case'], { fragment, anchor: caseMatch, file }),
          fixes: [fix(ctx, target, caseMatch)],
        });
        continue;
      }
      const suggestion = nearestAnchor(anchors, fragment);
      const hint = suggestion !== undefined ? t(FL['fileAnchor.didYouMean'], { anchor: suggestion }) : t(FL['fileAnchor.checkHeading']);
      out.push({
        code: 'broken-file-anchor',
        ...range,
        message: t(FL['fileAnchor.broken'], { fragment, file, hint }),
        fixes: suggestion !== undefined ? [fix(ctx, target, suggestion)] : [],
      });
    }
    return out;
  },
};

const ownAnchors = new WeakMap<object, ReadonlySet<string>>();

function anchorsOf(ctx: RuleContext, target: FileLinkTarget, self: string | undefined): ReadonlySet<string> | undefined {
  if (self === target.file) {
    let own = ownAnchors.get(ctx.model);
    if (!own) ownAnchors.set(ctx.model, (own = new Set(ctx.model.anchors.keys())));
    return own;
  }
  return ctx.env.anchorsOf?.(target.file);
}

function fix(ctx: RuleContext, target: FileLinkTarget, anchor: string) {
  return {
    title: fileLinkTranslator(ctx)(FL['fileAnchor.fix'], { anchor }),
    edits: [{ start: target.fragmentStart!, end: target.end, newText: encodeFragment(anchor) }],
    isPreferred: true,
  };
}

const lowerByAnchors = new WeakMap<ReadonlySet<string>, Map<string, string>>();

/** The first anchor equal to the fragment when case is ignored. */
function caseInsensitive(anchors: ReadonlySet<string>, fragment: string): string | undefined {
  let lower = lowerByAnchors.get(anchors);
  if (!lower) {
    lower = new Map();
    for (const a of anchors) if (!lower.has(a.toLowerCase())) lower.set(a.toLowerCase(), a);
    lowerByAnchors.set(anchors, lower);
  }
  return lower.get(fragment.toLowerCase());
}

const nearestMemo = new WeakMap<ReadonlySet<string>, Map<string, string | undefined>>();

/** The anchor nearest by edit distance, if near enough to be a typo (the threshold broken-anchor uses). */
function nearestAnchor(anchors: ReadonlySet<string>, fragment: string): string | undefined {
  let memo = nearestMemo.get(anchors);
  if (!memo) nearestMemo.set(anchors, (memo = new Map()));
  if (memo.has(fragment)) return memo.get(fragment);
  const limit = Math.max(2, Math.floor(fragment.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const anchor of anchors) {
    // Edit distance is at least the difference in length: most anchors need no comparison.
    if (Math.abs(anchor.length - fragment.length) >= bestDistance) continue;
    const d = distance(anchor, fragment);
    if (d < bestDistance) {
      bestDistance = d;
      best = anchor;
    }
  }
  memo.set(fragment, best);
  return best;
}
