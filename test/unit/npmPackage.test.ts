/**
 * The npm package as users get it: `npm pack` (of the current build: run `npm run build` first; the
 * pack's `prepack` build is skipped so that parallel tests keep their dist/), installed into an empty
 * project with an empty cache and --offline (so nothing can come from the registry), then its bin on an
 * issue (text, json, sarif, junit), its API from a script, the GitHub Action's step as the runner runs it
 * and the pre-commit manifest.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { sarifValidator } from './sarifSchema';

const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const ISSUE = '# Guide\n\n- [Install](#install)\n- [Usage](#usag)\n\n## Install\n\n## Usage\n';

let tmp: string;
let project: string;
let tarball: string;
// An empty cache and --offline: an install that needed the registry would fail.
const offlineEnv = () => ({ ...process.env, LANG: 'C', LC_ALL: 'C', npm_config_cache: path.join(tmp, 'cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' });
function sh(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: offlineEnv(), maxBuffer: 64 << 20, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'weekly-pkg-'));
  project = path.join(tmp, 'newsletter');
  fs.mkdirSync(path.join(project, 'issues'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "newsletter", "private": true }\n');
  fs.writeFileSync(path.join(project, 'issues', 'guide.md'), ISSUE);
  const pack = sh('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO });
  assert.equal(pack.code, 0, pack.stderr);
  tarball = path.join(tmp, JSON.parse(pack.stdout)[0].filename);
  const install = sh('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project });
  assert.equal(install.code, 0, `the tarball needs something from the registry:\n${install.stderr}`);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the files list and nothing else, and has no runtime dependencies', () => {
    const installed = path.join(project, 'node_modules', 'weekly-issues');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else files.push(path.relative(installed, path.join(dir, e.name)).split(path.sep).join('/'));
      }
    };
    walk(installed);
    assert.deepEqual(files.sort(), ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/api.js', 'dist/cli.js', 'package.json', 'schemas/weekly-issues.schema.json', 'types/index.d.ts']);
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.dependencies, undefined);
    // Nothing else came in with it.
    assert.deepEqual(fs.readdirSync(path.join(project, 'node_modules')).filter((n) => !n.startsWith('.')), ['weekly-issues']);
  });

  it('runs its bin: --version, text, json, sarif (valid 2.1.0) and junit; exit 1 on the error', () => {
    const bin = path.join(project, 'node_modules', '.bin', 'weekly-issues');
    assert.equal(sh(bin, ['--version']).stdout, `weekly-issues ${MANIFEST.version}\n`);
    const text = sh(bin, ['lint', 'issues/guide.md'], { cwd: project });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^issues\/guide\.md:4:11 {2}error .*\[toc-broken-anchor\]$/m);
    const json = sh(bin, ['lint', '--format', 'json', 'issues'], { cwd: project });
    assert.deepEqual(JSON.parse(json.stdout).map((p: { code: string }) => p.code), ['toc-broken-anchor']);
    const sarif = JSON.parse(sh(bin, ['lint', '--format', 'sarif', 'issues/guide.md'], { cwd: project }).stdout);
    assert.deepEqual(sarifValidator()(sarif), []);
    assert.deepEqual(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId), ['toc-broken-anchor']);
    const junit = sh(bin, ['lint', '--format', 'junit', 'issues/guide.md'], { cwd: project });
    assert.match(junit.stdout, /<testcase name="issues\/guide\.md"[^>]*>\s*<failure [^>]*type="toc-broken-anchor"/);
  });

  it('its API imports from ES modules and CommonJS, typed, and lints a string', () => {
    fs.writeFileSync(
      path.join(project, 'use.mjs'),
      "import { lintText, renderIssue, lintFiles, version } from 'weekly-issues';\n" +
        `const p = lintText(${JSON.stringify(ISSUE)});\n` +
        "const r = await lintFiles('issues');\n" +
        'console.log(JSON.stringify({ codes: p.map((x) => x.code), title: renderIssue("# Hi\\n").title, files: r.problems.map((x) => x.file), version }));\n',
    );
    const esm = sh(process.execPath, ['use.mjs'], { cwd: project });
    assert.equal(esm.code, 0, esm.stderr);
    assert.deepEqual(JSON.parse(esm.stdout), { codes: ['toc-broken-anchor'], title: 'Hi', files: ['issues/guide.md'], version: MANIFEST.version });
    const cjs = sh(process.execPath, ['-e', "console.log(Object.keys(require('weekly-issues')).sort().join())"], { cwd: project });
    assert.equal(cjs.stdout.trim(), 'lintFiles,lintText,renderIssue,version');
    const types = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/weekly-issues/package.json'), 'utf8'));
    assert.equal(types.exports['.'].types, './types/index.d.ts');
    assert.ok(fs.existsSync(path.join(project, 'node_modules/weekly-issues', types.types)));
  });
});

describe('the GitHub Action (action.yml), run as the runner runs a composite step', () => {
  const action = parseYaml(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8'));
  // The runner evaluates ${{ inputs.x }} in the step's env (the input's value, else its default), then
  // runs `bash --noprofile --norc -eo pipefail` on the step's script with GITHUB_ACTION_PATH set.
  function runStep(inputs: Record<string, string>) {
    const results = [];
    for (const step of action.runs.steps) {
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(step.env ?? {})) {
        env[k] = String(v).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? action.inputs[name]?.default ?? '');
      }
      const script = path.join(tmp, 'step.sh');
      fs.writeFileSync(script, step.run);
      assert.equal(step.shell, 'bash');
      results.push(sh('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: project, env: { ...offlineEnv(), ...env, GITHUB_ACTION_PATH: REPO } }));
    }
    return results[results.length - 1];
  }

  it('is a composite action with the globs, config and max-warnings inputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'globs', 'max-warnings']);
  });
  it('annotates the errors of the given globs (exit 1), with the installed CLI of its version', () => {
    const r = runStep({ globs: 'issues/**/*.md\n' });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^::error file=issues\/guide\.md,line=4,col=11,/m);
  });
  it('passes config and max-warnings through', () => {
    fs.writeFileSync(path.join(project, 'lenient.json'), '{ "severity": { "toc-broken-anchor": "warning" } }\n');
    const ok = runStep({ globs: 'issues', config: 'lenient.json' });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^::warning file=issues\/guide\.md/m);
    const strict = runStep({ globs: 'issues', config: 'lenient.json', 'max-warnings': '0' });
    assert.equal(strict.code, 1);
    assert.match(strict.stderr, /more than --max-warnings 0/);
  });
});

describe('the pre-commit manifest (.pre-commit-hooks.yaml)', () => {
  it('parses, and its hooks run the CLI on Markdown files', () => {
    const hooks = parseYaml(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    assert.ok(Array.isArray(hooks) && hooks.length >= 1);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[key], 'string', `${key} of ${hook.id}`);
      assert.equal(String(hook.entry).split(' ')[0], Object.keys(MANIFEST.bin)[0]);
      assert.equal(String(hook.entry).split(' ')[1], 'lint');
      assert.equal(hook.language, 'node');
      assert.deepEqual(hook.types, ['markdown']);
    }
    assert.equal(hooks[0].id, 'weekly-issues');
  });
});
