import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parseArgs } from 'util';
import { createLanguageService, defaultConfig, findSlugStyle, slugStyles, type WeeklyConfig } from '../service';
import { buildPage, checkPublish, createNonce, pageImageSrc, renderDocument, PUBLISH_TARGETS, type PublishTarget } from '../service/render';
import { findConfigFile, loadConfigFile } from './configFile';
import { describeFsError, readText } from './files';
import { createNodeHost } from '../node/nodeHost';
import { CM, cliTranslator } from './cliMessages';
import { renderHelp } from './usage';

export interface RenderCommandOptions {
  file: string;
  /** Where to write the page; stdout when absent. */
  out?: string;
  /** Where site-absolute paths (`/assets/…`) resolve. */
  root: string;
  slug?: string;
  /** Include the problem header and broken-anchor marks (as the preview shows them). */
  problems: boolean;
  cwd: string;
  /** page (the preview's page, the default), wechat or email. */
  target?: 'page' | PublishTarget;
  /** email: where to write the plain-text part. */
  textOut?: string;
  /** Exit 1 when something would reach readers broken (an image, an anchor, literal emphasis). */
  strict?: boolean;
}

export interface RenderCommandResult {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

/** `weekly-issues render`: the preview's renderer, written as one standalone HTML file. */
export function renderCommand(options: RenderCommandOptions): RenderCommandResult {
  const file = path.resolve(options.cwd, options.file);
  const read = readText(file);
  if ('error' in read) return { exitCode: 2, stdout: '', stderr: [`${options.file}: ${read.error}`] };
  const stderr: string[] = [];
  const found = findConfigFile(path.dirname(file));
  const loaded = found ? loadConfigFile(found, defaultConfig) : { config: defaultConfig, errors: [] };
  stderr.push(...loaded.errors);
  const siteRoot = path.resolve(options.cwd, options.root);
  const config: WeeklyConfig = { ...loaded.config, siteRoot };
  if (options.slug) config.slugStyle = options.slug;

  const nodeHost = createNodeHost();
  const service = createLanguageService({ ...nodeHost, getConfig: () => config, workspaceRoots: () => [siteRoot] });
  const out = options.out === undefined ? undefined : path.resolve(options.cwd, options.out);
  if (options.target && options.target !== 'page') {
    return publishCommand(options, options.target, { file, text: read.text, out, service, config, stderr });
  }
  // Local images are written relative to where the page will sit, so the file works where it is saved.
  const pageDir = out ? path.dirname(out) : path.dirname(file);
  const imageSrc = (src: string) => pageImageSrc(src, { documentPath: file, siteRoot, pageDir });
  const text = read.text;
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => text };
  const rendered = renderDocument(service, doc, {
    config,
    showProblems: options.problems,
    uiLocale: nodeHost.locale(), // the problem header (--problems) in the terminal's language, the issue in its own
    imageSrc,
  });
  const html = buildPage({
    title: rendered.title || path.basename(file),
    lang: rendered.lang,
    bodyHtml: rendered.html,
    nonce: createNonce(),
  });
  const { errors, warnings } = rendered.counts;
  if (!out) return { exitCode: 0, stdout: html, stderr };
  try {
    fs.writeFileSync(out, html);
  } catch (err) {
    return { exitCode: 2, stdout: '', stderr: [...stderr, cliTranslator()(CM['cli.pageNotWritten'], { file: options.out!, why: describeFsError(err) })] };
  }
  const t = cliTranslator();
  const count = (n: number, one: string, many: string) => t(n === 1 ? one : many, { count: n });
  const summary = { errors: count(errors, CM['cli.errors.one'], CM['cli.errors.many']), warnings: count(warnings, CM['cli.warnings.one'], CM['cli.warnings.many']) };
  return { exitCode: 0, stdout: t(CM['cli.wrotePage'], { file: options.out!, ...summary }) + '\n', stderr };
}

interface PublishContext {
  file: string;
  text: string;
  out?: string;
  service: ReturnType<typeof createLanguageService>;
  config: WeeklyConfig;
  stderr: string[];
}

/** `render --target wechat|email`: the published forms, with what would reach readers broken on stderr. */
function publishCommand(options: RenderCommandOptions, target: PublishTarget, ctx: PublishContext): RenderCommandResult {
  const { file, stderr } = ctx;
  const doc = { uri: pathToFileURL(file).href, version: 1, getText: () => ctx.text };
  // What would reach readers broken (images, anchors, literal emphasis), in the terminal's language.
  const { published, findings } = checkPublish(ctx.service, doc, target, { config: ctx.config, filePath: file });
  for (const f of findings) stderr.push(`${options.file}:${f.line}: ${f.message} [${f.code}]`);
  const exitCode = options.strict && findings.length ? 1 : 0;
  const writes: [string, string, string][] = [];
  if (ctx.out) writes.push([ctx.out, options.out!, published.page]);
  if (options.textOut !== undefined && published.text !== undefined) writes.push([path.resolve(options.cwd, options.textOut), options.textOut, published.text]);
  for (const [full, shown, content] of writes) {
    try {
      fs.writeFileSync(full, content);
    } catch (err) {
      return { exitCode: 2, stdout: '', stderr: [...stderr, cliTranslator()(CM['cli.notWritten'], { file: shown, why: describeFsError(err) })] };
    }
  }
  const stdout = ctx.out
    ? writes.map(([, shown]) => cliTranslator()(CM['cli.render.wrote'], { file: shown })).join('\n') + cliTranslator()(CM['cli.render.summary'], { target, notes: published.notes.length, images: published.problems.length }) + '\n'
    : published.page;
  return { exitCode, stdout, stderr };
}


/** Parses `render`'s arguments, runs it and writes its output; returns the exit code. */
export function runRender(args: string[], cwd: string): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      root: { type: 'string', default: '.' },
      slug: { type: 'string' },
      'no-problems': { type: 'boolean', default: false },
      target: { type: 'string', default: 'page' },
      text: { type: 'string' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const fail = (message: string) => (process.stderr.write(`weekly-issues: ${message}\n`), 2);
  if (values.help) {
    process.stdout.write(`${renderHelp(cliTranslator())}\n`);
    return 0;
  }
  if (positionals.length !== 1) return fail(cliTranslator()(CM['cli.render.oneFile']));
  if (values.slug && !findSlugStyle(values.slug)) {
    return fail(cliTranslator()(CM['cli.slugOneOf'], { choices: slugStyles.map((s) => s.id).join(', '), slug: values.slug }));
  }
  const target = values.target!;
  if (target !== 'page' && !PUBLISH_TARGETS.includes(target as PublishTarget)) return fail(cliTranslator()(CM['cli.render.target'], { target }));
  if (values.text !== undefined && target !== 'email') return fail(cliTranslator()(CM['cli.render.textEmail']));
  const result = renderCommand({
    target: target as 'page' | PublishTarget,
    textOut: values.text,
    strict: values.strict,
    file: positionals[0],
    out: values.out,
    root: values.root!,
    slug: values.slug,
    problems: !values['no-problems'],
    cwd,
  });
  process.stdout.write(result.stdout);
  for (const line of result.stderr) process.stderr.write(`weekly-issues: ${line}\n`);
  return result.exitCode;
}
