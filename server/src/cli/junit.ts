/**
 * `--format junit`: JUnit XML for CI test reports (GitLab's `artifacts:reports:junit`, Jenkins, Azure).
 * One test case per checked file, one `<failure>` per error in it; warnings and notes go to the case's
 * `<system-out>` (they do not fail the file, as they do not fail the run). Built with fast-xml-parser's
 * XMLBuilder (already the project's XML library), which escapes text and attributes.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { toJsonProblems, type FileReport, type JsonProblem } from './problems';

const line = (p: JsonProblem) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.message} [${p.code}]`;

export function toJunit(reports: FileReport[]): string {
  const cases = reports.map((r) => {
    const problems = toJsonProblems([r]);
    const errors = problems.filter((p) => p.severity === 'error');
    const others = problems.filter((p) => p.severity !== 'error');
    return {
      '@_name': r.file,
      '@_classname': 'weekly-issues',
      '@_file': r.file,
      ...(errors.length ? { failure: errors.map((p) => ({ '@_message': p.message, '@_type': p.code, '#text': line(p) })) } : {}),
      ...(others.length ? { 'system-out': others.map(line).join('\n') } : {}),
    };
  });
  const failures = cases.reduce((n, c) => n + (c.failure?.length ? 1 : 0), 0);
  const suite = { '@_name': 'weekly-issues lint', '@_tests': cases.length, '@_failures': failures, '@_errors': 0, testcase: cases };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  const xml = builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: { '@_name': 'weekly-issues', '@_tests': cases.length, '@_failures': failures, '@_errors': 0, testsuite: suite },
  }) as string;
  return xml.endsWith('\n') ? xml : xml + '\n';
}
