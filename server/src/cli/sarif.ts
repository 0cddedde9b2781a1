/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF readers. Every rule is listed
 * (id, its one-line description, its page as help URI, its default level), so `ruleIndex` is stable;
 * regions are 1-based with an exclusive end column, in UTF-16 code units (SARIF's default `columnKind`,
 * and the unit of our offsets). Types from @types/sarif; the output is checked against the official
 * schema in test/unit/cliReports.test.ts.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { allRuleInfos } from '../service/rules';
import { RULE_DOCS_BASE_URL } from '../service/rules/rule';
import { normalizeLocale } from '../service';
import type { JsonProblem } from './problems';
import { packageVersion } from './version';

const LEVEL: Record<JsonProblem['severity'], Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** A relative path as a URI reference (each segment percent-encoded), an absolute one as a file: URL. */
function artifactUri(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function toSarif(problems: JsonProblem[], locale: string | undefined): Log {
  const zh = normalizeLocale(locale) === 'zh-cn';
  const rules: ReportingDescriptor[] = allRuleInfos.map((r) => ({
    id: r.code,
    shortDescription: { text: zh ? r.description.zh : r.description.en },
    helpUri: RULE_DOCS_BASE_URL + r.docPage,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const index = new Map(allRuleInfos.map((r, i) => [r.code, i]));
  const results: Result[] = problems.map((p) => ({
    ruleId: p.code,
    ...(index.has(p.code) ? { ruleIndex: index.get(p.code) } : {}),
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactUri(p.file),
          region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
        },
      },
    ],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'weekly-issues',
            version: packageVersion(),
            informationUri: RULE_DOCS_BASE_URL.replace(/blob\/main\/$/, ''),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
