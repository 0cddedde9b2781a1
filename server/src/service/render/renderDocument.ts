/** Renders a document through a language service: its model, and its problems as the editor shows them. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { ServiceDocument, WeeklyLanguageService } from '../languageService';
import type { IssueModel } from '../model/types';
import type { RenderFinding } from './annotate';
import { renderIssue, type RenderedIssue, type RenderOptions } from './renderIssue';
import { RM } from './renderMessages';
import { createTranslator, type Translate } from '../util/l10n';

export interface RenderDocumentOptions extends Omit<RenderOptions, 'findings' | 'preset'> {
  /** The document's settings: which problems count (validate scope) and the language presets. */
  config?: WeeklyConfig;
}

export function renderDocument(service: WeeklyLanguageService, doc: ServiceDocument, options: RenderDocumentOptions = {}): RenderedIssue {
  const text = doc.getText();
  const limit = options.config?.maxFileSize;
  // The checker skips such a document, and a preview re-rendering megabytes per keystroke would stall the editor.
  if (limit !== undefined && text.length > limit) return tooLarge(text.length, limit, createTranslator(options.uiLocale));
  const model = service.getModel(doc);
  const scope = options.config?.validateScope ?? 'issues';
  // The same documents get problems here as in the Problems panel: none when validation is off for it.
  const validated = scope === 'all' || (scope === 'issues' && service.isIssue(doc));
  const findings = validated ? service.computeDiagnostics(doc).map((d) => toRenderFinding(model, d)) : [];
  return renderIssue(model, { ...options, findings, preset: options.config?.presets[model.language] });
}

function toRenderFinding(model: IssueModel, d: Diagnostic): RenderFinding {
  const severity = d.severity === 1 ? 'error' : d.severity === 3 ? 'info' : d.severity === 4 ? 'hint' : 'warning';
  return {
    code: String(d.code ?? ''),
    start: model.lines.offsetAt(d.range.start),
    end: model.lines.offsetAt(d.range.end),
    message: d.message,
    severity,
  };
}

function tooLarge(length: number, limit: number, t: Translate): RenderedIssue {
  const html = `<p class="render-too-large">${t(RM['render.tooLarge'], { length, limit })}</p>`;
  return { html, title: '', lang: 'en', counts: { errors: 0, warnings: 0, infos: 0 } };
}
