/** The walkthrough (contributes.walkthroughs): its steps, their pages in the VSIX, their commands, both languages. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const en = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
const zh = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'));
const key = (s: string) => /^%(.+)%$/.exec(s)?.[1];

describe('walkthrough', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  it('has the five steps: open an issue, fix a problem, add a paper, preview, slug style', () => {
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openIssue', 'fixProblem', 'addPaper', 'preview', 'slugStyle']);
  });
  it('every title and description is in English and Chinese', () => {
    const strings = [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s: { title: string; description: string }) => [s.title, s.description])];
    for (const s of strings) {
      const k = key(s);
      assert.ok(k, `${s} is not a %key%`);
      assert.ok(en[k] && zh[k], `${k} needs both languages`);
      assert.match(zh[k], /[\u4e00-\u9fff]/, `${k} in Chinese`);
    }
  });
  it('each step has a page that exists and goes into the VSIX, and completes on an event', () => {
    const ignore = fs.readFileSync(path.join(REPO, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/walkthrough\/\*\*$/m);
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(REPO, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0);
    }
  });
  it('its command links name commands the extension has (weekly.*) or VS Code\'s', () => {
    const ours = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
    for (const step of walkthrough.steps) {
      for (const text of [en[key(step.description)!], zh[key(step.description)!]]) {
        const links = [...text.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
        assert.ok(links.length > 0, `${step.id} links a command`);
        for (const id of links) if (id.startsWith('weekly.')) assert.ok(ours.has(id), `${id} is not a command of the extension`);
      }
      for (const event of step.completionEvents) {
        const m = /^onCommand:(weekly\.[\w.]+)$/.exec(event);
        if (m) assert.ok(ours.has(m[1]), event);
      }
    }
  });
});
