import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { applyEdits, createLanguageService, defaultConfig, type WeeklyConfig } from '../service';
import { findConfigFile, loadConfigFile } from './configFile';
import { describeFsError, readText } from './files';
import { createNodeHost } from '../node/nodeHost';

export const NEW_ENTRY_USAGE = `new-entry options (weekly-issues new-entry FILE --name NAME [options]):
  --name NAME                 the paper's short name (required)
  --title TEXT                its one-line title (the heading is "NAME：TEXT", or "NAME: TEXT" in English issues)
  --summary TEXT              its summary
  --tag TAG                   a tag (repeatable; with or without "#")
  --link URL                  a link (repeatable): arXiv and other paper sites go to the paper link,
                              github.com repositories to GitHub, anything else to the project page
  --dry-run                   print the resulting file instead of writing it`;

export interface NewEntryResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/**
 * `weekly-issues new-entry`: the same edit as the editor's "New Paper Entry" (section, TOC entry,
 * references, renumbering), applied to the file in place.
 */
export function newEntryCommand(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): NewEntryResult {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      tag: { type: 'string', multiple: true, default: [] },
      link: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) return usage('new-entry takes exactly one FILE');
  if (values.name === undefined) return usage('new-entry needs --name');
  const file = path.resolve(cwd, positionals[0]);
  const read = readText(file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: [`${positionals[0]}: ${read.error}`] };

  const found = findConfigFile(path.dirname(file));
  const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
  const config: WeeklyConfig = loaded.config;
  const service = createLanguageService({ ...createNodeHost(env), getConfig: () => config, workspaceRoots: () => [cwd] });
  const text = read.text;
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const result = service.newPaperEntry(doc, {
    name: values.name,
    title: values.title,
    summary: values.summary,
    tags: values.tag,
    urls: values.link,
  });
  if (!result.ok) return { exitCode: 1, stdout: '', stderr: [...loaded.errors, `${positionals[0]}: ${result.message}`] };
  const out = applyEdits(text, result.edits);
  if (values['dry-run']) return { exitCode: 0, stdout: out, stderr: loaded.errors };
  try {
    fs.writeFileSync(file, out);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [`${positionals[0]}: ${describeFsError(err)}`] };
  }
  return { exitCode: 0, stdout: `${positionals[0]}: added "${values.name.trim()}" (section, TOC entry, references)\n`, stderr: loaded.errors };
}

function usage(message: string): NewEntryResult {
  return { exitCode: 2, stdout: '', stderr: [`${message}; try "weekly-issues --help"`] };
}
