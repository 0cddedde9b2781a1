/**
 * Fix-all as a property: over the sample issue, the English example and generated variants with rules
 * broken, applying the preferred fixes until none is left (what `lint --fix` and `source.fixAll.weekly`
 * do) converges, leaves no fixable and no warning/error finding, changes no line that no fix named, and
 * where the breaking can be undone exactly, gives back the original text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { findings, fixAll, REPO, type CheckOptions } from '../support/structure';
import { breakers, breakEverything, type Broken } from '../support/structureBreakers';
import { ISSUE } from '../support/issueText';
import { mutatedIssueArb } from '../support/mutations';
import { findRule } from '../../server/src/service/rules';
import type { Finding } from '../../server/src/service/rules/rule';
import { relabelSample, SAMPLE_MISLABEL_TEXT, SAMPLE_RELABELLED } from '../support/sampleMislabel';

const examples = path.join(REPO, 'examples');
const asIs = (f: string) => fs.readFileSync(path.join(examples, f), 'utf8');
// The bases lint clean: the sample with its one mislabelled reference (ref-kind-mismatch) relabelled, so
// each breaking below is about its own rule.
const bases: Array<[string, string]> = [
  ...fs.readdirSync(examples).filter((f) => f.endsWith('.md')).map((f): [string, string] => [f, f === 'ai-weekly-sample.md' ? relabelSample(asIs(f)) : asIs(f)]),
  ['small fixture', ISSUE],
];
// The real file system, with examples/ as the site root: the examples' /assets/… images exist there.
const options: CheckOptions = {
  uri: 'file://' + path.join(examples, 'variant.md'),
  host: { fileExists: (p) => fs.existsSync(p), workspaceRoots: () => [examples] },
};

// The mangling property is about the structure rules' fixes: the anchor rules (tested on their own) are off.
const structureOnly: CheckOptions = {
  ...options,
  config: { severity: { 'toc-broken-anchor': 'off', 'broken-anchor': 'off', 'anchor-case': 'off', 'toc-text-mismatch': 'off' } },
};

const severity = (f: Finding) => findRule(f.code)?.defaultSeverity ?? 'warning';
const describeFindings = (fs_: Finding[]) => fs_.map((f) => `${f.code}: ${f.message}`).join('\n');

/**
 * Lines of `before` that no pass's edits touched must all still be there, in order. A pass's edit
 * touches the lines from the one it starts on to the one it ends on; those contents are allowed to go.
 */
function assertOnlyNamedLinesChanged(before: string, passes: ReturnType<typeof fixAll>['edits'], after: string) {
  const touched = new Set<string>();
  for (const pass of passes) {
    for (const e of pass.edits) {
      const from = pass.before.lastIndexOf('\n', e.start - 1) + 1;
      let to = pass.before.indexOf('\n', e.end);
      if (to < 0) to = pass.before.length;
      for (const line of pass.before.slice(from, to).split('\n')) touched.add(line);
    }
  }
  const kept = before.split('\n').filter((l) => !touched.has(l));
  const out = after.split('\n');
  let j = 0;
  for (const line of kept) {
    while (j < out.length && out[j] !== line) j++;
    assert.ok(j < out.length, `the untouched line ${JSON.stringify(line)} is gone or moved`);
    j++;
  }
}

function assertFixAllSettles(broken: Broken) {
  const result = fixAll(broken.text, options);
  assert.ok(result.passes < 10, 'fix-all did not settle in 10 passes');
  const left = findings(result.text, options);
  assert.deepEqual(left.filter((f) => f.fixes?.some((x) => x.isPreferred)), [], 'a fixable finding is left:\n' + describeFindings(left));
  assert.deepEqual(left.filter((f) => severity(f) === 'warning' || severity(f) === 'error'), [], 'a warning or error is left:\n' + describeFindings(left));
  assertOnlyNamedLinesChanged(broken.text, result.edits, result.text);
  if (broken.expected !== undefined) assert.equal(result.text, broken.expected);
  return result;
}

describe('fix-all', () => {
  for (const [name, text] of bases) {
    it(`${name} is clean${name === 'ai-weekly-sample.md' ? ' with Step1X-Edit relabelled' : ' as it is'}`, () => {
      assert.deepEqual(findings(text, options).map((f) => f.code), []);
    });
  }

  it('ai-weekly-sample.md as it is: exactly one finding, ref-kind-mismatch on "Step1X-Edit 项目主页", which fix-all relabels', () => {
    const text = asIs('ai-weekly-sample.md');
    const found = findings(text, options);
    assert.deepEqual(found.map((f) => [f.code, severity(f), text.slice(f.start, f.end)]), [['ref-kind-mismatch', 'info', SAMPLE_MISLABEL_TEXT]]);
    const result = fixAll(text, options);
    assert.equal(result.text, relabelSample(text));
    assert.ok(result.text.includes(SAMPLE_RELABELLED));
  });

  for (const [name, breaker] of Object.entries(breakers)) {
    it(`one broken rule, ${name}: each base trips it and fix-all mends it`, () => {
      for (const [, text] of bases) {
        const broken = breaker({ text, expected: text, codes: [] }, 1);
        if (broken.text === text) continue;
        const code = name.split(':')[0];
        assert.ok(findings(broken.text, options).some((f) => f.code === code), `${code} did not fire`);
        assertFixAllSettles(broken);
      }
    });
  }

  it('every rule broken at once, on each base', () => {
    for (const [name, text] of bases) {
      const broken = breakEverything(text);
      const fired = new Set(findings(broken.text, options).map((f) => f.code));
      for (const code of broken.codes) assert.ok(fired.has(code), `${name}: ${code} did not fire`);
      assertFixAllSettles(broken);
    }
  });

  it('a CRLF document stays CRLF: every line break fix-all writes is \\r\\n', () => {
    for (const [name, text] of bases) {
      const crlf = breakEverything(text).text.replace(/\n/g, '\r\n');
      const result = fixAll(crlf, options);
      assert.ok(result.passes < 10, name);
      assert.deepEqual(findings(result.text, options).filter((f) => severity(f) !== 'info').map((f) => f.code), [], name);
      assert.ok(!/[^\r]\n/.test(result.text), `${name}: a bare \\n was written`);
    }
  });

  it('property: any combination of breakings settles, touching only the lines the fixes name', () => {
    const names = Object.keys(breakers);
    const arb = fc.record({
      base: fc.nat({ max: bases.length - 1 }),
      steps: fc.array(fc.record({ breaker: fc.constantFrom(...names), pick: fc.nat({ max: 40 }) }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ base, steps }) => {
        const text = bases[base][1];
        // Breakers run in their canonical order so that each one's patterns are still there to find.
        const ordered = [...steps].sort((a, b) => names.indexOf(a.breaker) - names.indexOf(b.breaker));
        let state: Broken = { text, expected: text, codes: [] };
        for (const step of ordered) state = breakers[step.breaker](state, step.pick);
        assertFixAllSettles(state);
      }),
      { numRuns: Number(process.env.FIXALL_RUNS ?? 60) },
    );
  });

  it('property: on randomly mangled issues (lines swapped, cut, doubled, junk inserted) fix-all settles and makes no fixable finding reappear', () => {
    fc.assert(
      fc.property(mutatedIssueArb, (text) => {
        const result = fixAll(text, structureOnly);
        // A fix that undoes another (or re-triggers itself) would run all 10 passes.
        assert.ok(result.passes < 10, 'fix-all did not settle in 10 passes');
        const left = findings(result.text, structureOnly).filter((f) => f.fixes?.some((x) => x.isPreferred));
        assert.deepEqual(left.map((f) => f.code), [], describeFindings(left));
      }),
      { numRuns: Number(process.env.FIXALL_RUNS ?? 60) },
    );
  });
});
