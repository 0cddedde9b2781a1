/**
 * Every diagnostic code has its page (docs/rules/<code>.md, with a wrong and a right example) and a
 * one-line description in both languages, every page has a rule, and every registered message has its
 * English and Chinese text.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { allRuleInfos } from '../../server/src/service/rules';
import { RULE_DOCS_BASE_URL } from '../../server/src/service/rules/rule';
import { createLanguageService } from '../../server/src/service';
import { registeredMessages } from '../../server/src/service/util/l10n';
// The CLI's own catalogs register when imported: checked with the rest.
import '../../server/src/cli/cliMessages';
import '../../server/src/cli/usage';

const repo = path.join(__dirname, '..', '..');
const docsDir = path.join(repo, 'docs', 'rules');
const HAN = /[\u4e00-\u9fff]/;

describe('rule documentation', () => {
  it('every registered rule has its page, and every page a rule', () => {
    const codes = allRuleInfos.map((r) => r.code).sort();
    const pages = fs.readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.ok(codes.includes('file-too-large'));
    assert.deepEqual(pages, codes);
    for (const rule of allRuleInfos) assert.equal(rule.docPage, `docs/rules/${rule.code}.md`, rule.code);
  });

  it('each page says what, why, a wrong and a right example, the fix and the configuration', () => {
    for (const rule of allRuleInfos) {
      const page = fs.readFileSync(path.join(repo, rule.docPage), 'utf8');
      for (const section of ['## What it checks', '## Why', '## Wrong', '## Right', '## Fix', '## Configuration']) {
        assert.ok(page.includes(section), `${rule.docPage}: ${section}`);
      }
      // The config file's page shows JSON; every other page, issues in Markdown.
      const fence = rule.code === 'config-invalid' ? 'json' : 'markdown';
      const examples = [...page.matchAll(new RegExp('```' + fence + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
      assert.equal(examples.length, 2, `${rule.docPage}: a wrong and a right example`);
      assert.notEqual(examples[0], examples[1], rule.docPage);
      assert.ok(page.includes(`"${rule.code}"`), `${rule.docPage}: how to set its severity`);
    }
  });

  it('each rule has a one-line description in English and Chinese', () => {
    for (const rule of allRuleInfos) {
      assert.match(rule.description.en, /^[A-Z][^\n]+\.$/, rule.code);
      assert.match(rule.description.zh, HAN, rule.code);
      assert.ok(!rule.description.zh.includes('\n'), rule.code);
    }
  });

  it('the pages are linked at the repository of package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(RULE_DOCS_BASE_URL, `${pkg.repository.url.replace(/\.git$/, '')}/blob/main/`);
  });

  it('diagnostics carry codeDescription.href to their page', () => {
    const service = createLanguageService();
    const text = '# Notes\n\nSee [below](#nowhere) and [Here](#Notes).\n';
    const diagnostics = service.computeDiagnostics({ uri: 'file:///ws/notes.md', version: 1, getText: () => text });
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['anchor-case', 'broken-anchor']);
    for (const d of diagnostics) assert.equal(d.codeDescription?.href, `${RULE_DOCS_BASE_URL}docs/rules/${d.code}.md`);
  });
});

describe('message catalog', () => {
  it('every registered message has English and Chinese text with the same placeholders', () => {
    const messages = registeredMessages();
    assert.ok(messages.size > 80, `messages registered (${messages.size})`);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, { en, zh }] of messages) {
      assert.ok(en.trim(), `${key}: en`);
      assert.ok(zh.trim(), `${key}: zh`);
      assert.deepEqual(placeholders(zh), placeholders(en), `${key}: placeholders`);
      // A Chinese text repeats no English sentence (names, code and placeholders aside).
      if (/[a-z]{4,} [a-z]{4,} [a-z]{4,}/.test(en.replace(/\{\w+\}|`[^`]*`|weekly\.\w+/g, ''))) assert.match(zh, HAN, `${key}: zh is Chinese`);
    }
  });
});
