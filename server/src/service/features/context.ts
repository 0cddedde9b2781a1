/**
 * What every language feature sees: the document type of the service and the `FeatureContext` through
 * which a feature reads models, settings and the workspace. It lives apart from the module that
 * assembles the features (navigationFeatures.ts) and from the service (languageService.ts), so that no
 * feature imports what imports it.
 */
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { ServiceHost } from '../host';
import type { Translate } from '../util/l10n';
import type { IssueModel } from '../model/types';
import type { SlugStyle } from '../slug';
import type { WorkspaceIndex } from '../indexing/workspaceIndex';
import type { LinkPreviewService } from '../linkPreview/previewService';

/** A document as the service sees it: what LSP's TextDocument and a file on disk both offer. */
export interface ServiceDocument {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export interface FeatureContext {
  host: ServiceHost;
  index?: WorkspaceIndex;
  /** Web previews for hovers; absent: hovers show local information only. */
  previews?: LinkPreviewService;
  model(doc: ServiceDocument): IssueModel;
  config(uri: string): WeeklyConfig;
  slugStyle(uri: string): SlugStyle;
  /** The model of a text (a document as it would be after an edit). */
  parse(uri: string, text: string): IssueModel;
  /** The model of any indexed file (an open document's current text, else the file as indexed). */
  modelOfUri(uri: string): IssueModel | undefined;
  /** Translates a registered message into the host's locale. */
  t: Translate;
}
