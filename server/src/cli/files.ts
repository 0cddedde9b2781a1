import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { GitIgnores } from './gitIgnore';
import { CM, cliTranslator } from './cliMessages';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FileList {
  files: string[];
  /** One-line problems with arguments (no such file, unreadable folder). */
  errors: string[];
}

/**
 * Expands files, folders (every `*.md` below, skipping node_modules and .git) and globs into files, each
 * once. What a folder or glob finds leaves out what `.gitignore` ignores and what a `!pattern` argument
 * matches (relative to `cwd`; `!drafts` leaves out the folder); a file named as such is always checked
 * unless a `!pattern` matches it.
 */
export function collectFiles(args: readonly string[], cwd: string): FileList {
  const files = new Set<string>();
  const errors: string[] = [];
  const negations = args.filter((a) => a.startsWith('!')).map((a) => picomatch([a.slice(1), `${a.slice(1).replace(/\/+$/, '')}/**`], { dot: true }));
  const excluded = (file: string) => {
    const rel = path.relative(cwd, file).split(path.sep).join('/');
    return negations.some((isMatch) => isMatch(rel));
  };
  const gitIgnores = new GitIgnores(cwd);
  const unignored = (file: string, isDir: boolean) => !gitIgnores.isIgnored(file, isDir);
  for (const arg of args) {
    if (arg.startsWith('!')) continue;
    const scan = picomatch.scan(arg);
    if (scan.isGlob) {
      const base = path.resolve(cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob, { dot: false });
      const before = files.size;
      // A pattern whose folder does not exist simply matches nothing: one message, naming the pattern.
      if (fs.existsSync(base)) {
        walk(base, errors, (file) => {
          if (isMatch(path.relative(base, file).split(path.sep).join('/'))) files.add(file);
        }, () => true, unignored);
      }
      if (files.size === before) errors.push(cliTranslator()(CM['cli.noMatch'], { pattern: arg }));
      continue;
    }
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (err) {
      errors.push(`${arg}: ${describeFsError(err)}`);
      continue;
    }
    if (stat.isDirectory()) walk(full, errors, (f) => files.add(f), (f) => /\.(md|markdown)$/i.test(f), unignored);
    else files.add(full);
  }
  return { files: [...files].filter((f) => !excluded(f)).sort(), errors };
}

function walk(
  dir: string,
  errors: string[],
  add: (file: string) => void,
  wanted: (file: string) => boolean,
  kept: (file: string, isDir: boolean) => boolean,
  seen = new Set<string>(),
): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (err) {
    errors.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    errors.push(`${dir}: ${describeFsError(err)}`);
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = fs.statSync(full);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        errors.push(`${full}: ${describeFsError(err)}`);
        continue;
      }
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name) && kept(full, true)) walk(full, errors, add, wanted, kept, seen);
    } else if (isFile && wanted(full) && kept(full, false)) add(full);
  }
}

export function describeFsError(err: unknown, t = cliTranslator()): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return t(CM['cli.fs.missing']);
    case 'EACCES':
    case 'EPERM':
      return t(CM['cli.fs.denied']);
    case 'ELOOP':
      return t(CM['cli.fs.loop']);
    case 'EISDIR':
      return t(CM['cli.fs.folder']);
    default:
      return (err as Error)?.message ?? String(err);
  }
}

/**
 * Reads a file as UTF-8 text; invalid UTF-8 and binary files are refused with a reason. A byte-order
 * mark is not part of the text (as in VS Code); `bom` says it was there, so that a write keeps it.
 */
export function readText(file: string): { text: string; bom: boolean } | { error: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  if (buf.includes(0)) return { error: cliTranslator()(CM['cli.fs.binary']) };
  try {
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), bom };
  } catch {
    return { error: cliTranslator()(CM['cli.fs.notUtf8']) };
  }
}
