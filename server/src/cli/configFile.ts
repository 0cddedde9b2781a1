import * as fs from 'fs';
import * as path from 'path';
import { resolveConfig, type WeeklyConfig } from '../service';

export const CONFIG_FILE = '.weekly-issues.json';

/** The nearest `.weekly-issues.json` at or above a folder. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  config: WeeklyConfig;
  /** One-line problems, each naming the file. */
  errors: string[];
}

/** Reads a config file over a base; a bad file is reported and the base is used, never thrown. */
export function loadConfigFile(file: string, base: WeeklyConfig): LoadedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? `is not valid JSON (${err.message})` : (err as Error).message;
    return { config: base, errors: [`${file}: ${why}; using the default settings`] };
  }
  const { config, problems } = resolveConfig(raw, base);
  return { config, errors: problems.map((p) => `${file}: ${p}`) };
}
