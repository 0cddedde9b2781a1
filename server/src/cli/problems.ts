/** A run's problems as plain data: what every output format (format.ts, sarif.ts, junit.ts) starts from. */
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export interface FileReport {
  file: string;
  diagnostics: Diagnostic[];
  /** How a related location's URI is shown (default: as it is). */
  displayUri?(uri: string): string;
}

/** A place elsewhere that explains a problem (paper-repeat: the earlier issue's heading). */
export interface JsonRelated {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  message: string;
  related?: JsonRelated[];
}

export function severityName(s: DiagnosticSeverity | undefined): JsonProblem['severity'] {
  switch (s) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Information:
      return 'info';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'warning';
  }
}

/** 1-based lines, 1-based UTF-16 columns. */
export function toJsonProblems(reports: FileReport[]): JsonProblem[] {
  return reports.flatMap((r) =>
    r.diagnostics.map((d) => ({
      file: r.file,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: severityName(d.severity),
      code: String(d.code ?? ''),
      message: d.message,
      ...(d.relatedInformation?.length && {
        related: d.relatedInformation.map((ri) => ({
          file: r.displayUri ? r.displayUri(ri.location.uri) : ri.location.uri,
          line: ri.location.range.start.line + 1,
          column: ri.location.range.start.character + 1,
          endLine: ri.location.range.end.line + 1,
          endColumn: ri.location.range.end.character + 1,
          message: ri.message,
        })),
      }),
    })),
  );
}
