import { toJsonProblems, type FileReport } from './problems';
import { toSarif } from './sarif';
import { toJunit } from './junit';

export { severityName, toJsonProblems, type FileReport, type JsonProblem, type JsonRelated } from './problems';

export type OutputFormat = 'text' | 'json' | 'github' | 'sarif' | 'junit';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'github', 'sarif', 'junit'];

export interface FormatOptions {
  /** The language of the SARIF rule descriptions (messages are already in it). */
  locale?: string;
  /** Colour the text format's severities and positions. */
  color?: boolean;
}

// SGR codes written out rather than util.styleText: whether to colour is decided once by main.ts (TTY,
// NO_COLOR, --color/--no-color), and styleText checks the stream itself on some Node versions, not others.
const SGR = { red: 31, yellow: 33, cyan: 36, dim: 2 } as const;
const paint = (on: boolean | undefined, style: keyof typeof SGR, text: string) => (on ? `\x1b[${SGR[style]}m${text}\x1b[0m` : text);
const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan', hint: 'dim' } as const;

export function formatReports(reports: FileReport[], format: OutputFormat, { locale, color }: FormatOptions = {}): string {
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
  return problems
    .map((p) => `${paint(color, 'dim', `${p.file}:${p.line}:${p.column}`)}  ${paint(color, SEVERITY_STYLE[p.severity], p.severity)}  ${p.message}  ${paint(color, 'dim', `[${p.code}]`)}\n`)
    .join('');
}

// GitHub Actions workflow-command escaping.
function data(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function prop(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
