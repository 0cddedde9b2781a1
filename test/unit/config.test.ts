/**
 * Settings: resolveConfig's edge cases, `.weekly-issues.json` read into settings with its problems located,
 * `weekly.ignore`, and the agreement of the three places that list the settings (the service, the JSON
 * schema of the file, the manifest's contributes.configuration).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { defaultConfig, defaultPresets, type WeeklyConfig } from '../../server/src/service/config/weeklyConfig';
import { resolveConfig } from '../../server/src/service/config/configLoader';
import { readConfigFile, summarizeConfigProblems, configFileKeys, explicitOnly } from '../../server/src/service/config/configFile';
import { isIgnoredFile } from '../../server/src/service/config/documentScope';
import { sampleMislabelJson } from '../support/sampleMislabel';
import { createLanguageService } from '../../server/src/service/languageService';
import { allRules } from '../../server/src/service/rules';
import { slugStyles } from '../../server/src/service/slug';
import { loadConfigFile } from '../../server/src/cli/configFile';
import { lint } from '../../server/src/cli/lint';
import { createTranslator } from '../../server/src/service/util/l10n';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'weekly-issues.schema.json'), 'utf8'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('resolveConfig edge cases', () => {
  it('undefined and null input: the base, no problems', () => {
    assert.deepEqual(resolveConfig(undefined), { config: defaultConfig, problems: [], problemSettings: [] });
    assert.deepEqual(resolveConfig(null), { config: defaultConfig, problems: [], problemSettings: [] });
  });

  it('an array, a string or a number instead of an object: the defaults and one problem', () => {
    for (const input of [[], 'hexo', 42, true]) {
      const { config, problems } = resolveConfig(input);
      assert.deepEqual(config, defaultConfig);
      assert.equal(problems.length, 1, JSON.stringify(input));
      assert.match(problems[0], /must be an object/);
    }
  });

  it('null values mean "not set" (VS Code sends null for a setting without a value)', () => {
    const { config, problems } = resolveConfig({ slugStyle: null, requiredFields: null, presets: null, severity: null, siteRoot: null, issueFiles: null, validate: null });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, defaultConfig);
  });

  it('each wrong value falls back to the base and is named; good values beside it are kept', () => {
    const base: WeeklyConfig = { ...defaultConfig, slugStyle: 'gitlab' };
    const { config, problems } = resolveConfig(
      { slugStyle: 'docusaurus', validate: { scope: 'some' }, ignore: ['drafts/**'], tagVocabulary: 'LLM', maxFileSize: -1, requiredFields: ['summary', 'abstract'] },
      base,
    );
    assert.equal(config.slugStyle, 'gitlab');
    assert.equal(config.validateScope, 'issues');
    assert.deepEqual(config.ignore, ['drafts/**']);
    assert.deepEqual(config.tagVocabulary, []);
    assert.equal(config.maxFileSize, defaultConfig.maxFileSize);
    assert.deepEqual(config.requiredFields, ['summary', 'tags']);
    assert.deepEqual(
      problems.map((p) => p.split(' ')[0]),
      ['slugStyle', 'validate.scope', 'tagVocabulary', 'maxFileSize', 'requiredFields'],
    );
  });

  it('validate.scope nested (file) or dotted (VS Code); validate that is not an object is named', () => {
    assert.equal(resolveConfig({ validate: { scope: 'all' } }).config.validateScope, 'all');
    assert.equal(resolveConfig({ 'validate.scope': 'off' }).config.validateScope, 'off');
    const { config, problems } = resolveConfig({ validate: 'all' });
    assert.equal(config.validateScope, 'issues');
    assert.match(problems[0], /^validate must be an object/);
  });

  it('glob lists refuse empty strings (picomatch throws on them)', () => {
    const { config, problems } = resolveConfig({ issueFiles: ['issues/*.md', ''], ignore: ['  '] });
    assert.deepEqual(config.issueFiles, []);
    assert.deepEqual(config.ignore, []);
    assert.deepEqual(problems, ['issueFiles must be a list of non-empty strings', 'ignore must be a list of non-empty strings']);
  });

  it('severity merges per code over the base and names each bad value', () => {
    const base: WeeklyConfig = { ...defaultConfig, severity: { 'ref-orphan': 'off', 'toc-order': 'hint' } };
    const { config, problems } = resolveConfig({ severity: { 'toc-order': 'error', 'tag-duplicate': 'loud' } }, base);
    assert.deepEqual(config.severity, { 'ref-orphan': 'off', 'toc-order': 'error' });
    assert.deepEqual(problems, ['severity.tag-duplicate must be one of off, hint, info, warning, error']);
    assert.deepEqual(base.severity, { 'ref-orphan': 'off', 'toc-order': 'hint' }, 'the base is not modified');
    assert.match(resolveConfig({ severity: ['error'] }).problems[0], /^severity must map codes/);
  });

  it('presets: a list replaces the built-in one; other lists and the other language stay; bad shapes are named', () => {
    const { config, problems } = resolveConfig({ presets: { zh: { toc: ['本期目录'], referenceKinds: { paper: '论文' } } } });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.presets.zh.toc, ['本期目录']);
    assert.deepEqual(config.presets.zh.summary, defaultPresets.zh.summary);
    assert.deepEqual(config.presets.zh.referenceKinds, { ...defaultPresets.zh.referenceKinds, paper: '论文' });
    assert.deepEqual(config.presets.en, defaultPresets.en);
    assert.deepEqual(defaultPresets.zh.toc, ['目录', '目錄', '本期目录'], 'the defaults are not modified');

    assert.match(resolveConfig({ presets: 'zh' }).problems[0], /^presets must be an object/);
    assert.match(resolveConfig({ presets: { en: { toc: [] } } }).problems[0], /^presets\.en\.toc must be a non-empty list/);
    assert.match(resolveConfig({ presets: { en: { referenceKinds: 'GitHub' } } }).problems[0], /^presets\.en\.referenceKinds must be an object/);
    assert.match(resolveConfig({ presets: { en: { referenceKinds: { github: 1 } } } }).problems[0], /^presets\.en\.referenceKinds\.github must be a string/);
  });

  it('every problem names its setting: its dotted path (where the config file diagnostic points), which the message starts with', () => {
    const { problems, problemSettings } = resolveConfig({ slugStyle: 1, validate: { scope: 1 }, issueFiles: 1, ignore: 1, tagVocabulary: 1, siteRoot: 1, severity: { x: 1 }, maxFileSize: 'big', requiredFields: 1, presets: { zh: 1, en: { toc: 1, referenceKinds: { project: 1 } } } });
    assert.equal(problems.length, 12);
    problems.forEach((p, i) => {
      assert.match(problemSettings[i], /^[A-Za-z]+(\.[A-Za-z0-9-]+)*$/, p);
      assert.ok(p.startsWith(`${problemSettings[i]} must `), p);
    });
  });
});

describe('.weekly-issues.json', () => {
  it('a good file: its settings over the base, no problems', () => {
    const { config, problems } = readConfigFile('{ "$schema": "./schemas/weekly-issues.schema.json", "slugStyle": "hexo", "validate": { "scope": "all" } }');
    assert.deepEqual(problems, []);
    assert.equal(config.slugStyle, 'hexo');
    assert.equal(config.validateScope, 'all');
  });

  it('invalid JSON: the base as it is and one problem where the JSON breaks', () => {
    const text = '{\n  "slugStyle": "hexo",\n}\n';
    const { config, problems } = readConfigFile(text);
    assert.equal(config, defaultConfig);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^not valid JSON \(.+\); using the default settings$/);
    assert.equal(text.slice(0, problems[0].start), '{\n  "slugStyle": "hexo",\n', 'located at the closing brace after the trailing comma');
  });

  it('comments are not JSON: reported, not silently accepted', () => {
    const text = '{ // the style\n "slugStyle": "hexo" }';
    const { config, problems } = readConfigFile(text);
    assert.equal(config.slugStyle, 'github');
    assert.match(problems[0].message, /not valid JSON \(invalid comment token\)/);
    assert.equal(problems[0].start, 2);
  });

  it('an empty file and a byte-order mark', () => {
    assert.match(readConfigFile('').problems[0].message, /empty/);
    assert.match(readConfigFile('  \n').problems[0].message, /empty/);
    const bom = readConfigFile('\ufeff{"slugStyle":"mkdocs"}');
    assert.deepEqual(bom.problems, []);
    assert.equal(bom.config.slugStyle, 'mkdocs');
  });

  it('a JSON value that is not an object: the defaults and one problem', () => {
    const { config, problems } = readConfigFile('["hexo"]');
    assert.equal(config.slugStyle, 'github');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /must be an object/);
  });

  it('each problem is located at its property, in text order; unknown keys are named', () => {
    const text = '{\n  "slugstyle": "hexo",\n  "severity": { "ref-orphan": "off", "toc-order": "loud" },\n  "validate.scope": "some",\n  "presets": { "zh": { "toc": [] } }\n}';
    const { config, problems } = readConfigFile(text);
    const at = (p: { start: number; end: number }) => text.slice(p.start, p.end);
    assert.deepEqual(problems.map(at), ['"slugstyle": "hexo"', '"toc-order": "loud"', '"validate.scope": "some"', '"toc": []']);
    assert.match(problems[0].message, /^unknown setting "slugstyle"; it is ignored$/);
    assert.equal(config.severity['ref-orphan'], 'off', 'the good parts are used');
    assert.equal(config.severity['toc-order'], undefined);
    const summary = summarizeConfigProblems(problems);
    assert.match(summary, /^\.weekly-issues\.json has 4 problems; the defaults are used for those settings: unknown setting "slugstyle"/);
    assert.equal(summarizeConfigProblems(problems.slice(0, 1)), '.weekly-issues.json: unknown setting "slugstyle"; it is ignored.');
  });

  it('a nested setting given in the wrong shape is located at its parent', () => {
    const text = '{ "validate": { "scope": 3 } }';
    const [problem] = readConfigFile(text).problems;
    assert.equal(text.slice(problem.start, problem.end), '"scope": 3');
  });

  it('the CLI reads the file with the same reader: file:line:column: message, siteRoot relative to the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-config-'));
    try {
      const file = path.join(dir, '.weekly-issues.json');
      fs.writeFileSync(file, '{\n  "siteRoot": "site",\n  "slugStyle": 7\n}\n');
      const { config, errors } = loadConfigFile(file, defaultConfig);
      assert.equal(config.siteRoot, path.join(dir, 'site'));
      assert.equal(config.slugStyle, 'github');
      assert.deepEqual(errors, [`${file}:3:3: slugStyle must be one of ${slugStyles.map((s) => s.id).join(', ')}; using "github"`]);
      fs.writeFileSync(file, '{');
      assert.match(loadConfigFile(file, defaultConfig).errors[0], /:1:2: not valid JSON \(.+\); using the default settings$/);
      fs.rmSync(file);
      fs.mkdirSync(file);
      assert.match(loadConfigFile(file, defaultConfig).errors[0], /could not be read \(EISDIR\); using the default settings$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('weekly.ignore', () => {
  const roots = ['/ws'];
  const config = (ignore: string[]): WeeklyConfig => ({ ...defaultConfig, ignore });

  it('matches paths relative to the workspace folder, and file names', () => {
    assert.equal(isIgnoredFile(config(['drafts/**']), '/ws/drafts/2025/a.md', roots), true);
    assert.equal(isIgnoredFile(config(['drafts/**']), '/ws/issues/a.md', roots), false);
    assert.equal(isIgnoredFile(config(['CHANGELOG.md']), '/ws/docs/CHANGELOG.md', roots), true);
    assert.equal(isIgnoredFile(config(['**/.hidden/*.md']), '/ws/x/.hidden/a.md', roots), true);
    assert.equal(isIgnoredFile(config([]), '/ws/a.md', roots), false);
    assert.equal(isIgnoredFile(config(['*.md']), undefined, roots), false, 'untitled documents have no path');
  });

  it('an ignored document gets no diagnostics, whatever it contains', () => {
    const broken = '# Issue\n\n## 目录\n\n1. [Nowhere](#nowhere)\n';
    let ignore: string[] = [];
    const service = createLanguageService({ getConfig: () => ({ ...defaultConfig, validateScope: 'all', ignore }), workspaceRoots: () => ['/ws'] });
    const doc = { uri: pathToFileURL('/ws/drafts/a.md').href, version: 1, getText: () => broken };
    assert.ok(service.computeDiagnostics(doc).some((d) => d.code === 'toc-broken-anchor'));
    ignore = ['drafts/**'];
    assert.deepEqual(service.computeDiagnostics({ ...doc, version: 2 }), []);
  });
});

describe('settings the client marks as set by the user', () => {
  it('only the listed keys (dotted, nested) pass; without a list every key counts', () => {
    const fromVsCode = { slugStyle: 'github', validate: { scope: 'all' }, severity: { 'ref-orphan': 'off' }, ignore: [], __explicitKeys: ['validate.scope', 'severity'] };
    assert.deepEqual(explicitOnly(fromVsCode), { validate: { scope: 'all' }, severity: { 'ref-orphan': 'off' } });
    const plain = { slugStyle: 'hexo' };
    assert.equal(explicitOnly(plain), plain);
    assert.equal(explicitOnly(undefined), undefined);
  });
});

describe('the settings are listed alike in the service, the schema and the manifest', () => {
  const codes = allRules.map((r) => r.code);
  const manifestProps: Record<string, any> = manifest.contributes.configuration.properties;

  it('slug styles: the schema and the manifest offer exactly the registered ones', () => {
    const ids = slugStyles.map((s) => s.id);
    assert.deepEqual(schema.properties.slugStyle.enum, ids);
    assert.equal(schema.properties.slugStyle.enumDescriptions.length, ids.length);
    assert.deepEqual(manifestProps['weekly.slugStyle'].enum, ids);
    assert.equal(manifestProps['weekly.slugStyle'].enumDescriptions.length, ids.length);
  });

  it('severity: every rule code is configurable in both, with the five severities', () => {
    for (const code of codes) {
      assert.ok(schema.properties.severity.properties[code], `schema severity.${code}`);
      assert.deepEqual(manifestProps['weekly.severity'].properties[code]?.enum, ['off', 'hint', 'info', 'warning', 'error'], `manifest severity.${code}`);
    }
    assert.deepEqual(schema.definitions.severity.enum, ['off', 'hint', 'info', 'warning', 'error']);
  });

  it('every key of the file is a key resolveConfig reads (a value of the wrong type is reported)', () => {
    for (const key of configFileKeys) {
      if (key === '$schema' || key === 'validate') continue;
      const { problems } = resolveConfig({ [key]: { wrong: true } });
      assert.ok(problems.some((p) => p.startsWith(key + ' ') || p.startsWith(key + '.')), `${key} is read by resolveConfig`);
    }
  });

  it('services and network: URLs and host lists read, wrong types and unknown keys reported', () => {
    const { config, problems } = resolveConfig({ services: { arxivApiUrl: 'http://127.0.0.1:9/api/query', githubApiUrl: 'ftp://x', enabled: 'yes', extra: 1 }, network: { allowPrivateHosts: ['127.0.0.1', ' 10.0.0.0/8 '] } });
    assert.equal(config.services.arxivApiUrl, 'http://127.0.0.1:9/api/query');
    assert.equal(config.services.githubApiUrl, 'https://api.github.com');
    assert.equal(config.services.enabled, true);
    assert.deepEqual(config.network.allowPrivateHosts, ['127.0.0.1', '10.0.0.0/8']);
    assert.deepEqual(problems, ['services.extra is not a setting; it is ignored', 'services.enabled must be true or false', 'services.githubApiUrl must be an http(s) URL; using https://api.github.com']);
    assert.deepEqual(resolveConfig({ network: { allowPrivateHosts: [''] } }).problems, ['network.allowPrivateHosts must be a list of host names, addresses or CIDR ranges']);
  });

  it('every field of WeeklyConfig can be written in the file (add new settings to the schema and the manifest)', () => {
    const fileKeyOf: Record<string, string> = { validateScope: 'validate' };
    for (const field of [...Object.keys(defaultConfig), 'siteRoot']) {
      assert.ok(configFileKeys.includes(fileKeyOf[field] ?? field), `WeeklyConfig.${field} is missing from schemas/weekly-issues.schema.json`);
    }
  });

  it('every setting of the file is also a VS Code setting, and the defaults agree', () => {
    const defaults: Record<string, unknown> = {
      slugStyle: defaultConfig.slugStyle,
      'validate.scope': defaultConfig.validateScope,
      requiredFields: defaultConfig.requiredFields,
      maxFileSize: defaultConfig.maxFileSize,
      issueFiles: defaultConfig.issueFiles,
      ignore: defaultConfig.ignore,
      tagVocabulary: defaultConfig.tagVocabulary,
      tagAliases: defaultConfig.tagAliases,
      requiredReferenceKinds: defaultConfig.requiredReferenceKinds,
    };
    for (const key of configFileKeys) {
      if (key === '$schema' || key === 'validate') continue;
      // Groups of settings (services, network) are contributed one sub-setting each, with the schema's defaults.
      const group = schema.properties[key];
      if (group.type === 'object' && group.properties && (key === 'services' || key === 'network' || key === 'publish')) {
        for (const [sub, def] of Object.entries(group.properties as Record<string, { default: unknown }>)) {
          assert.ok(manifestProps[`weekly.${key}.${sub}`], `weekly.${key}.${sub} is contributed`);
          assert.deepEqual(manifestProps[`weekly.${key}.${sub}`].default, def.default, `${key}.${sub}`);
          assert.deepEqual((defaultConfig as any)[key][sub], def.default, `defaultConfig.${key}.${sub}`);
        }
        continue;
      }
      assert.ok(manifestProps[`weekly.${key}`], `weekly.${key} is contributed`);
    }
    for (const [key, value] of Object.entries(defaults)) assert.deepEqual(manifestProps[`weekly.${key}`].default, value, key);
  });

  it('every %key% of the settings has an English and a Chinese text', () => {
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
    const zh = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.zh-cn.json'), 'utf8'));
    const keys = new Set<string>();
    JSON.stringify(manifest.contributes.configuration, (_k, v) => {
      if (typeof v === 'string') for (const m of v.matchAll(/^%(.+)%$/g)) keys.add(m[1]);
      return v;
    });
    assert.ok(keys.size > 40);
    for (const key of keys) {
      assert.equal(typeof nls[key], 'string', `package.nls.json: ${key}`);
      assert.equal(typeof zh[key], 'string', `package.nls.zh-cn.json: ${key}`);
    }
  });

  it('the manifest validates .weekly-issues.json with the schema, and the VSIX ships it', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.weekly-issues.json', url: './schemas/weekly-issues.schema.json' }]);
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });
});

describe('weekly-issues lint with a .weekly-issues.json above the checked files', () => {
  const sample = fs.readFileSync(path.join(root, 'examples', 'ai-weekly-sample.md'), 'utf8');

  function workspace(config: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-cli-config-'));
    fs.mkdirSync(path.join(dir, 'issues'));
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.mkdirSync(path.join(dir, 'site', 'assets', 'images', 'ai-weekly'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'site', 'assets', 'images', 'ai-weekly', 'ui.png'), '');
    fs.writeFileSync(path.join(dir, 'issues', 'a.md'), sample);
    fs.writeFileSync(path.join(dir, 'drafts', 'b.md'), '# Draft\n\n## 目录\n\n1. [Nowhere](#nowhere)\n');
    fs.writeFileSync(path.join(dir, '.weekly-issues.json'), config);
    return dir;
  }

  it('siteRoot relative to the file, ignore relative to its folder; --root wins over siteRoot', () => {
    const dir = workspace('{ "siteRoot": "site", "ignore": ["drafts/**"], "validate": { "scope": "all" } }');
    try {
      const cwd = path.join(dir, 'issues');
      const run = (extra: Partial<Parameters<typeof lint>[0]> = {}) =>
        lint({ paths: ['.', '../drafts'], format: 'json', root: '.', fix: false, cwd, ...extra });
      const clean = run();
      assert.equal(clean.exitCode, 0, clean.stdout + clean.stderr.join('\n'));
      // drafts/ is ignored (its broken anchor unreported) and /assets/… resolve under site/: only the sample's
      // mislabelled reference is left (the JSON format is one flat list of findings).
      assert.deepEqual(JSON.parse(clean.stdout), [sampleMislabelJson('a.md')]);

      const withRoot = run({ root: '/nonexistent-site', rootGiven: true });
      assert.match(withRoot.stdout, /image-missing/, 'an explicit --root is where /assets/… resolve');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bad file: one line per problem naming file:line:column, exit 2, the defaults used', () => {
    const dir = workspace('{\n  "slugStyle": "hexo",\n  "ignore": "drafts"\n}\n');
    try {
      const result = lint({ paths: ['drafts'], format: 'text', root: '.', fix: false, cwd: dir });
      assert.equal(result.exitCode, 2);
      assert.deepEqual(result.stderr, [`${path.join(dir, '.weekly-issues.json')}:3:3: ignore must be a list of non-empty strings`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('settings problems in both languages', () => {
  const zh = createTranslator('zh-cn');
  it('resolveConfig says each problem in the given language and names its setting', () => {
    const input = { slugStyle: 'nope', severity: { 'tag-duplicate': 'loud' }, services: { bogus: 1 } };
    const en = resolveConfig(input);
    const cn = resolveConfig(input, defaultConfig, zh);
    assert.deepEqual(en.problemSettings, ['slugStyle', 'severity.tag-duplicate', 'services.bogus']);
    assert.deepEqual(cn.problemSettings, en.problemSettings);
    assert.match(en.problems[1], /^severity\.tag-duplicate must be one of off, hint, info, warning, error$/);
    assert.match(cn.problems[1], /^severity\.tag-duplicate 必须是 off, hint, info, warning, error 之一$/);
    assert.equal(cn.problems[2], 'services.bogus 不是设置项；已忽略');
    assert.deepEqual(cn.config, en.config);
  });

  it("the config file's problems point at their setting in either language; not JSON is marked as such", () => {
    const text = '{\n  "slugStyle": "hexo",\n  "services": { "bogus": 1 },\n  "nope": true\n}\n';
    for (const t of [undefined, zh]) {
      const { problems } = readConfigFile(text, defaultConfig, t);
      assert.deepEqual(problems.map((p) => text.slice(p.start, p.end)), ['"bogus": 1', '"nope": true']);
      assert.ok(problems.every((p) => !p.syntax));
    }
    const bad = readConfigFile('{ "slugStyle": "hexo", }', defaultConfig, zh);
    assert.equal(bad.problems.length, 1);
    assert.ok(bad.problems[0].syntax);
    assert.match(bad.problems[0].message, /^不是有效的 JSON（.+）；使用默认设置$/);
    assert.match(summarizeConfigProblems(bad.problems, zh), /^\.weekly-issues\.json：不是有效的 JSON/);
  });
});
