/**
 * `.gitignore` files, as git reads them, for the CLI's walk of folders and globs: every `.gitignore` from
 * the repository's top (the nearest folder above the run with a `.git`) down to a file's folder, deeper
 * ones overriding (a `!pattern` re-includes). The patterns are matched by the `ignore` package (git's
 * rules, as ESLint and Prettier use it).
 */
import * as fs from 'fs';
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';

export class GitIgnores {
  private readonly byDir = new Map<string, Ignore | undefined>();
  private readonly top: string;

  constructor(cwd: string) {
    let dir = path.resolve(cwd);
    for (;;) {
      if (fs.existsSync(path.join(dir, '.git'))) break;
      const parent = path.dirname(dir);
      if (parent === dir) {
        dir = path.resolve(cwd); // not in a repository: the run's folder and below
        break;
      }
      dir = parent;
    }
    this.top = dir;
  }

  isIgnored(full: string, isDir: boolean): boolean {
    const rel = path.relative(this.top, full);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false; // outside the repository: git has no say
    const chain: string[] = [];
    for (let dir = path.dirname(full); ; dir = path.dirname(dir)) {
      chain.unshift(dir);
      if (dir === this.top || path.dirname(dir) === dir) break;
    }
    let ignored = false;
    for (const dir of chain) {
      const rules = this.load(dir);
      if (!rules) continue;
      const result = rules.test(path.relative(dir, full).split(path.sep).join('/') + (isDir ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private load(dir: string): Ignore | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    let rules: Ignore | undefined;
    try {
      rules = ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
    } catch {
      rules = undefined; // no .gitignore here (or unreadable: git would not read it either)
    }
    this.byDir.set(dir, rules);
    return rules;
  }
}
