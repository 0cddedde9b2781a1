import { toJsonProblems, type FileReport } from './problems';
import { toSarif } from './sarif';
import { toJunit } from './junit';

export { severityName, toJsonProblems, type FileReport, type JsonProblem } from './problems';

export type OutputFormat = 'text' | 'json' | 'github' | 'sarif' | 'junit';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github', 'sarif', 'junit'];

export function formatReports(reports: FileReport[], format: OutputFormat, locale?: string): string {
  const problems = toJsonProblems(reports);
  if (format === 'json') return JSON.stringify(problems, null, 2) + '\n';
  if (format === 'sarif') return JSON.stringify(toSarif(problems, locale), null, 2) + '\n';
  if (format === 'junit') return toJunit(reports);
  if (format === 'github') {
    return problems
      .map((p) => {
        const level = p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'notice';
        const props = `file=${prop(p.file)},line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${prop(p.code)}`;
        return `::${level} ${props}::${data(p.message)}\n`;
      })
      .join('');
  }
  return problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.severity}  ${p.message}  [${p.code}]\n`).join('');
}

// GitHub Actions workflow-command escaping.
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
