/**
 * Helpers for the structure rules' tests (test/unit/rules-*.test.ts): run the real language service
 * on an in-memory document, pick findings by code, apply a fix or fix-all, and find offsets by text.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, createLanguageService, defaultConfig, preferredEdits, type LanguageServiceHost, type WeeklyConfig } from '../../server/src/service';
import type { Finding } from '../../server/src/service/rules/rule';

export const REPO = path.resolve(__dirname, '..', '..');
export const SAMPLE_PATH = path.join(REPO, 'examples', 'ai-weekly-sample.md');
export const sample = (): string => fs.readFileSync(SAMPLE_PATH, 'utf8');

export interface CheckOptions {
  config?: Partial<WeeklyConfig>;
  host?: LanguageServiceHost;
  uri?: string;
}

let version = 0;

/** Every finding of the service on `text`. */
export function findings(text: string, options: CheckOptions = {}): Finding[] {
  const config = { ...defaultConfig, ...options.config };
  const service = createLanguageService({ getConfig: () => config, ...options.host });
  return service.getFindings({ uri: options.uri ?? 'file:///work/issue.md', version: ++version, getText: () => text });
}

export function findingsOf(code: string, text: string, options?: CheckOptions): Finding[] {
  return findings(text, options).filter((f) => f.code === code);
}

/** Applies the fix titled (or numbered) `which` of a finding. */
export function applyFix(text: string, finding: Finding, which: number | RegExp = 0): string {
  const fix = typeof which === 'number' ? finding.fixes?.[which] : finding.fixes?.find((f) => which.test(f.title));
  assert.ok(fix, `no fix ${which} on ${finding.code}: ${finding.fixes?.map((f) => f.title).join(', ')}`);
  return applyEdits(text, fix.edits);
}

/** The CLI's `--fix` loop: preferred fixes until none is left (at most 10 passes). Returns the text and the passes. */
export function fixAll(text: string, options?: CheckOptions): { text: string; passes: number; edits: Array<{ before: string; edits: { start: number; end: number; newText: string }[] }> } {
  const log: Array<{ before: string; edits: { start: number; end: number; newText: string }[] }> = [];
  for (let pass = 0; pass < 10; pass++) {
    const edits = preferredEdits(findings(text, options));
    if (edits.length === 0) return { text, passes: pass, edits: log };
    log.push({ before: text, edits });
    text = applyEdits(text, edits);
  }
  return { text, passes: 10, edits: log };
}

/** Offset of the n-th (0-based) occurrence of `needle`. */
export function at(text: string, needle: string, nth = 0): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${nth} is not in the text`);
  }
  return i;
}

export const span = (text: string, needle: string, nth = 0) => ({ start: at(text, needle, nth), end: at(text, needle, nth) + needle.length });

/** Replaces exactly one occurrence, failing when the text is not there (so a changed sample breaks loudly). */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = at(text, from);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

export const range = (f: Finding) => ({ start: f.start, end: f.end });
