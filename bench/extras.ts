/**
 * Measurements built by other parts of the project, run when they exist: the workspace index and tag
 * completion (bench/index.ts), the preview render (bench/render.ts), and the VSIX (`npm run package`).
 * Contract for bench/index.ts and bench/render.ts: export an (async) function that takes no argument and
 * returns its figures as an object of numbers (milliseconds in keys ending in `Ms`), or one number (ms).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');

export type Extra = { status: 'ok'; figures: Record<string, unknown> } | { status: 'not built yet' } | { status: 'failed'; error: string };

const PREFERRED = ['default', 'run', 'bench', 'benchIndex', 'benchRender', 'measure'];

export async function runOptional(file: string): Promise<Extra> {
  const full = path.join(import.meta.dirname, file);
  if (!fs.existsSync(full)) return { status: 'not built yet' };
  try {
    const mod = (await import(full)) as Record<string, unknown>;
    const exported = Object.entries(mod).filter(([, v]) => typeof v === 'function') as Array<[string, () => unknown]>;
    const pick = PREFERRED.map((name) => exported.find(([n]) => n === name)).find(Boolean) ?? exported[0];
    if (!pick) return { status: 'not built yet' };
    const value = await pick[1]();
    const figures = typeof value === 'number' ? { ms: value } : (value as Record<string, unknown>) ?? {};
    return { status: 'ok', figures: { function: pick[0], ...figures } };
  } catch (err) {
    return { status: 'failed', error: String((err as Error).message ?? err).split('\n')[0] };
  }
}

export interface VsixResult {
  status: 'ok' | 'no package script yet' | 'failed';
  file?: string;
  kb?: number;
  error?: string;
}

function newestVsix(): string | undefined {
  const found = fs
    .readdirSync(ROOT)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => ({ f, t: fs.statSync(path.join(ROOT, f)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  return found[0]?.f;
}

/** The VSIX's size: a fresh one from `npm run package` when the script exists. */
export function vsixSize(): VsixResult {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.package) {
    const existing = newestVsix();
    return existing ? { status: 'ok', file: existing, kb: fs.statSync(path.join(ROOT, existing)).size / 1024 } : { status: 'no package script yet' };
  }
  try {
    execFileSync('npm', ['run', 'package'], { cwd: ROOT, stdio: 'ignore' });
  } catch (err) {
    return { status: 'failed', error: String((err as Error).message).split('\n')[0] };
  }
  const file = newestVsix();
  return file ? { status: 'ok', file, kb: fs.statSync(path.join(ROOT, file)).size / 1024 } : { status: 'failed', error: 'npm run package made no .vsix' };
}
