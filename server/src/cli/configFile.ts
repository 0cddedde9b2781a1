import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME, readConfigFile, type Translate, type WeeklyConfig } from '../service';
import { CM } from '../service/config/configMessages';
import { LineIndex } from '../service/util/lineIndex';
import { cliTranslator } from './cliMessages';

export const CONFIG_FILE = CONFIG_FILE_NAME;

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
  /** One-line problems, each naming the file, line and column. */
  errors: string[];
}

/**
 * Reads a config file over a base with the same reader as the editor (service/config/configFile.ts); a bad file
 * is reported and the base is used for what is wrong, never thrown. A relative siteRoot is relative to
 * the file's folder.
 */
export function loadConfigFile(file: string, base: WeeklyConfig, t: Translate = cliTranslator()): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { config: base, errors: [t(CM['configFile.unreadableAt'], { file, why: (err as NodeJS.ErrnoException).code ?? (err as Error).message })] };
  }
  const { config, problems } = readConfigFile(text, base, t);
  const lines = new LineIndex(text);
  const errors = problems.map((p) => {
    const at = lines.positionAt(p.start);
    return `${file}:${at.line + 1}:${at.character + 1}: ${p.message}`;
  });
  const siteRoot = config.siteRoot && !path.isAbsolute(config.siteRoot) ? path.resolve(path.dirname(file), config.siteRoot) : config.siteRoot;
  return { config: { ...config, siteRoot }, errors };
}
