import * as path from 'path';
import { fileLinkTargets, type FileLinkTarget } from '../fileLinks/fileLinkTargets';
import { FL, fileLinkTranslator } from '../fileLinks/fileLinkMessages';
import type { Finding, FindingFix, Rule, RuleContext } from './rule';

/**
 * A link to a local file or folder that does not exist: relative to the document, or for `/…` to the
 * site root (`weekly.siteRoot`, the workspace folder, the CLI's `--root`). The file system decides case.
 * Skipped when the host cannot look at files.
 */
export const brokenFileLinkRule: Rule = {
  code: 'broken-file-link',
  defaultSeverity: 'warning',
  description: { en: 'A link to another local file points at nothing.', zh: '指向其他本地文件的链接找不到目标文件。' },
  docPage: 'docs/rules/broken-file-link.md',
  scope: 'any',
  check(ctx) {
    const exists = ctx.env.fileExists;
    if (!exists) return [];
    const t = fileLinkTranslator(ctx);
    const out: Finding[] = [];
    for (const target of fileLinkTargets(ctx)) {
      if (exists(target.file)) continue;
      out.push({
        code: 'broken-file-link',
        start: target.start,
        end: target.start + Math.max(target.pathLength, 1),
        message: t(FL['fileLink.missing'], { path: target.linkPath, file: target.file }),
        fixes: movedFileFix(ctx, target),
      });
    }
    return out;
  },
};

/**
 * The file the editor most likely meant, offered only when there is exactly one: in the same folder the
 * name with `.md` added, or the same name in another case or with another extension (`listDirectory`);
 * failing that, the one Markdown file of the workspace with that name (`filesNamed`: a moved issue).
 */
function movedFileFix(ctx: RuleContext, target: FileLinkTarget): FindingFix[] {
  const candidates = sameFolderCandidates(ctx, target.file);
  if (candidates.length === 0) {
    const base = path.basename(target.file);
    const names = path.extname(base) ? [base] : [base, base + '.md'];
    const elsewhere = new Set(names.flatMap((n) => ctx.env.filesNamed?.(n) ?? []));
    elsewhere.delete(target.file);
    candidates.push(...elsewhere);
  }
  if (candidates.length !== 1) return [];
  const newPath = writtenPathTo(ctx, target, candidates[0]);
  if (newPath === undefined) return [];
  const t = fileLinkTranslator(ctx);
  return [{
    title: t(FL['fileLink.fix.path'], { path: newPath }),
    edits: [{ start: target.start, end: target.start + target.pathLength, newText: newPath }],
    isPreferred: true,
  }];
}

function sameFolderCandidates(ctx: RuleContext, file: string): string[] {
  const exists = ctx.env.fileExists!;
  const dir = path.dirname(file);
  const base = path.basename(file);
  const found = new Set<string>();
  if (!path.extname(base) && exists(file + '.md')) found.add(file + '.md');
  const names = ctx.env.listDirectory?.(dir);
  if (names) {
    const lower = base.toLowerCase();
    const stem = stemOf(lower);
    for (const name of names) {
      if (name === base) continue;
      const other = name.toLowerCase();
      if (other === lower || other === lower + '.md' || (path.extname(lower) && stemOf(other) === stem)) found.add(path.join(dir, name));
    }
  }
  return [...found];
}

const stemOf = (name: string) => name.slice(0, name.length - path.extname(name).length);

/**
 * How the link should be written to reach `file`: the same folder part as written with the new name, or
 * for another folder a path from the document (from the site root when the link was written `/…`).
 */
function writtenPathTo(ctx: RuleContext, target: FileLinkTarget, file: string): string | undefined {
  const written = target.written.slice(0, target.pathLength);
  if (path.dirname(file) === path.dirname(target.file)) {
    const slash = written.lastIndexOf('/', written.endsWith('/') ? written.length - 2 : written.length);
    return written.slice(0, slash + 1) + encodePathPart(path.basename(file));
  }
  const fromRoot = written.startsWith('/') && ctx.env.siteRoot;
  const base = fromRoot ? ctx.env.siteRoot! : ctx.env.documentPath && path.dirname(ctx.env.documentPath);
  if (!base) return undefined;
  const rel = path.relative(base, file).split(path.sep).map(encodePathPart).join('/');
  if (fromRoot) return '/' + rel;
  return written.startsWith('./') && !rel.startsWith('../') ? './' + rel : rel;
}

/** A file name as a link destination: readable (CJK stays), but what would end or break it escaped. */
function encodePathPart(name: string): string {
  // encodeURIComponent leaves ( and ) alone, and an unbalanced one would end the link destination.
  return name.replace(/[\s()<>%#?]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
}
