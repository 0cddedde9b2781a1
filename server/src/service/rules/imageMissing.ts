import * as path from 'path';
import type { Link } from '../model/types';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';
import { S, translator } from '../edits/messages';
import { inlineDestination } from '../model/linkDestinations';

/** The file a local image points to, or undefined for remote images, data URIs and unknown roots. */
export function imageFile(url: string, ctx: RuleContext): string | undefined {
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#')) return undefined;
  let local = url.replace(/[?#].*$/, '');
  try {
    local = decodeURIComponent(local);
  } catch {
    // A stray `%`: the path is used as written.
  }
  if (!local) return undefined;
  if (local.startsWith('/')) return ctx.env.siteRoot ? path.join(ctx.env.siteRoot, local) : undefined;
  return ctx.env.documentPath ? path.resolve(path.dirname(ctx.env.documentPath), local) : undefined;
}

/**
 * Where the destination of `![alt](dest)` is written (the parser gives the URL, not its place), read as
 * links' destinations are (model/linkDestinations.ts): up to an ASCII space or control character. JavaScript's
 * `\s` also stops at a BOM or a no-break space, which CommonMark keeps in the URL, so the fix replaced
 * only part of such a path and fix-all never settled (found by the mangling property in rules-fixall.test.ts).
 */
function destinationRange(text: string, image: Link): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('](', image.end);
  if (open < image.start) return undefined;
  const { destStart, destEnd } = inlineDestination(text, open, image.end);
  return destStart === undefined || destEnd === undefined ? undefined : { start: destStart, end: destEnd };
}

/**
 * A local image that does not exist: relative to the file, or for `/…` to the site root (the workspace
 * folder, `weekly.siteRoot`, the CLI's `--root`). Markdown images and raw HTML `<img src="…">` alike.
 * The file check is skipped when the host cannot look at files; an empty destination is always reported.
 */
export const imageMissingRule: Rule = {
  code: 'image-missing',
  defaultSeverity: 'warning',
  description: { en: 'A local image points at a file that does not exist.', zh: '本地图片指向的文件不存在。' },
  docPage: 'docs/rules/image-missing.md',
  scope: 'issue',
  check(ctx) {
    const exists = ctx.env.fileExists;
    const out: Finding[] = [];
    const t = translator(ctx);
    for (const image of ctx.model.links) {
      if (image.kind !== 'image') continue;
      // An empty destination (New Paper Entry writes `![name 图]()`): a figure still to be filled in.
      const source = ctx.model.text.slice(image.start, image.end);
      if (!image.url.trim() && source.startsWith('![')) {
        const alt = image.text || (image.textStart !== undefined && image.textEnd !== undefined ? ctx.model.text.slice(image.textStart, image.textEnd) : source.match(/^!\[([^\]]*)\]/)?.[1] ?? '');
        out.push({ code: 'image-missing', start: image.start, end: image.end, message: t(S['image.empty'], { alt }), fixes: [] });
        continue;
      }
      if (!exists) continue;
      const file = imageFile(image.url, ctx);
      if (!file || exists(file)) continue;
      // Raw HTML `<img src>` knows where its src value is; a Markdown image's destination is found in its syntax.
      const dest = image.destStart !== undefined && image.destEnd !== undefined ? { start: image.destStart, end: image.destEnd } : destinationRange(ctx.model.text, image);
      const range = dest && dest.end > dest.start ? dest : { start: image.start, end: image.end };
      out.push({
        code: 'image-missing',
        start: range.start,
        end: range.end,
        message: t(S['image.missing'], { url: image.url, file }),
        fixes: dest ? nearbyFileFix(ctx, file, dest, ctx.model.text.slice(dest.start, dest.end)) : [],
      });
    }
    return out;
  },
};

const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif'];

/**
 * The file the editor most likely meant, found with the host's `fileExists` alone: the same name with
 * another image extension (`ui.pgn`, `ui.jpg` for `ui.png`) or in lower case. Offered only when exactly
 * one candidate exists.
 */
function nearbyFileFix(ctx: RuleContext, file: string, dest: { start: number; end: number }, written: string): FindingFix[] {
  const exists = ctx.env.fileExists!;
  const dir = path.dirname(file);
  const base = path.basename(file);
  const stem = base.replace(/\.[^.]*$/, '');
  const candidates = new Set<string>([base.toLowerCase()]);
  for (const ext of IMAGE_EXTENSIONS) {
    candidates.add(`${stem}.${ext}`);
    candidates.add(`${stem}.${ext.toUpperCase()}`);
  }
  candidates.delete(base);
  const found = [...candidates].filter((name) => exists(path.join(dir, name)));
  if (found.length !== 1) return [];
  const name = found[0];
  const pathPart = written.replace(/[?#].*$/, '');
  const slash = pathPart.lastIndexOf('/');
  const safe = name.replace(/[\s()<>%]/g, (c) => encodeURIComponent(c));
  const newText = written.slice(0, slash + 1) + safe + written.slice(pathPart.length);
  return [{ title: translator(ctx)(S['image.fix.path'], { name }), edits: [{ ...dest, newText }], isPreferred: true }];
}
