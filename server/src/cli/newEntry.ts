import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { applyEdits, createLanguageService, defaultConfig, newIssueText, CONFIG_FILE_NAME, type IssueLanguage, type NewPaperEntryInput, type WeeklyConfig } from '../service';
import { entriesFromLinks } from './fromLinks';
import { findConfigFile, loadConfigFile } from './configFile';
import { describeFsError, readText } from './files';
import { createNodeHost } from '../node/nodeHost';
import { CM, cliTranslator } from './cliMessages';


export interface NewEntryResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/**
 * `weekly-issues new-entry`: the same edit as the editor's "New Paper Entry" (section, TOC entry,
 * references, renumbering), applied to the file in place; with `--from`, the papers are looked up first.
 * A failed lookup or a refusal leaves the file byte-identical.
 */
export async function newEntryCommand(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<NewEntryResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      title: { type: 'string' },
      summary: { type: 'string' },
      tag: { type: 'string', multiple: true, default: [] },
      link: { type: 'string', multiple: true, default: [] },
      from: { type: 'string', multiple: true, default: [] },
      offline: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) return usage(cliTranslator(env)(CM['cli.newEntry.oneFile'], { command: 'new-entry' }), env);
  const from = values.from!;
  if (values.name === undefined && from.length === 0) return usage(cliTranslator(env)(CM['cli.newEntry.nameOrFrom']), env);
  if (from.length > 1 && (values.name !== undefined || values.title !== undefined || values.summary !== undefined)) return usage(cliTranslator(env)(CM['cli.newEntry.oneFrom']), env);
  const file = path.resolve(cwd, positionals[0]);
  const read = readText(file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: [`${positionals[0]}: ${read.error}`] };
  return addEntries(positionals[0], file, read.text, values, cwd, env);
}

type EntryValues = { name?: string; title?: string; summary?: string; tag?: string[]; link?: string[]; from?: string[]; offline?: boolean; 'dry-run'?: boolean };

async function addEntries(shown: string, file: string, text: string, values: EntryValues, cwd: string, env: NodeJS.ProcessEnv): Promise<NewEntryResult> {
  const found = findConfigFile(path.dirname(file));
  const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
  const config: WeeklyConfig = loaded.config;
  const service = createLanguageService({ ...createNodeHost(env), getConfig: () => config, workspaceRoots: () => [cwd] });
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const stderr = [...loaded.errors];
  let inputs: NewPaperEntryInput[];
  const manual: NewPaperEntryInput = { name: values.name?.trim() ?? '', title: values.title, summary: values.summary, tags: values.tag, urls: values.link };
  if (values.from?.length) {
    if (!config.services.enabled) return { exitCode: 1, stdout: '', stderr: [...stderr, cliTranslator(env)(CM['cli.newEntry.lookupsOff'], { file: shown, config: CONFIG_FILE_NAME })] };
    const looked = await entriesFromLinks(values.from, service.getModel(doc), config, service.t, { offline: !!values.offline, env });
    if (looked.failures.length) return { exitCode: 1, stdout: '', stderr: [...stderr, ...looked.failures] };
    stderr.push(...looked.warnings);
    inputs = looked.inputs.map((input) => overrideWith(input, manual));
  } else inputs = [manual];
  const result = inputs.length === 1 ? service.newPaperEntry(doc, inputs[0]) : service.newPaperEntries(doc, inputs);
  if (!result.ok) return { exitCode: 1, stdout: '', stderr: [...stderr, `${shown}: ${result.message}`] };
  const out = applyEdits(text, result.edits);
  if (values['dry-run']) return { exitCode: 0, stdout: out, stderr };
  try {
    fs.writeFileSync(file, out);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [...stderr, `${shown}: ${describeFsError(err)}`] };
  }
  const names = inputs.map((i) => `"${i.name.trim()}"`).join(', ');
  return { exitCode: 0, stdout: `${shown}: added ${names} (section, TOC entry, references)\n`, stderr };
}

/** What the editor typed wins over what the lookup found; tags and links add to it. */
function overrideWith(looked: NewPaperEntryInput, manual: NewPaperEntryInput): NewPaperEntryInput {
  return {
    ...looked,
    name: manual.name || looked.name,
    title: manual.title ?? looked.title,
    summary: manual.summary ?? looked.summary,
    summaryDraft: manual.summary === undefined && looked.summaryDraft,
    tags: manual.tags?.length ? manual.tags : looked.tags,
    urls: manual.urls,
  };
}

/** `weekly-issues new-issue FILE --from URL…`: a new issue from the template with one section per link. */
export async function newIssueCommand(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<NewEntryResult> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string', multiple: true, default: [] },
      title: { type: 'string' },
      language: { type: 'string', default: 'zh' },
      offline: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) return usage(cliTranslator(env)(CM['cli.newEntry.oneFile'], { command: 'new-issue' }), env);
  if (values.language !== 'zh' && values.language !== 'en') return usage(cliTranslator(env)(CM['cli.newIssue.language']), env);
  const file = path.resolve(cwd, positionals[0]);
  if (fs.existsSync(file)) return { exitCode: 1, stdout: '', stderr: [cliTranslator(env)(CM['cli.newIssue.exists'], { file: positionals[0] })] };
  const language = values.language as IssueLanguage;
  const text = newIssueText({ language, preset: defaultConfig.presets[language], title: values.title });
  if (!values.from!.length) return finishNewIssue(positionals[0], file, text, !!values['dry-run'], env);
  const added = await addEntries(positionals[0], file, text, { from: values.from, offline: values.offline, 'dry-run': true }, cwd, env);
  if (added.exitCode !== 0) return added;
  const written = finishNewIssue(positionals[0], file, added.stdout, !!values['dry-run'], env);
  return { ...written, stderr: [...added.stderr, ...written.stderr] };
}

function finishNewIssue(shown: string, file: string, text: string, dryRun: boolean, env: NodeJS.ProcessEnv): NewEntryResult {
  if (dryRun) return { exitCode: 0, stdout: text, stderr: [] };
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [`${shown}: ${describeFsError(err, cliTranslator(env))}`] };
  }
  return { exitCode: 0, stdout: cliTranslator(env)(CM['cli.newEntry.written'], { file: shown }) + '\n', stderr: [] };
}

function usage(message: string, env: NodeJS.ProcessEnv): NewEntryResult {
  return { exitCode: 2, stdout: '', stderr: [cliTranslator(env)(CM['cli.tryHelp'], { message })] };
}
