/**
 * Completion, hover, navigation and the workspace index, composed into the language service
 * (createLanguageService spreads `createNavigationFeatures` into what it returns). Each feature lives in
 * its own file and sees the document and the workspace only through a `FeatureContext` (context.ts).
 */
import type {
  CompletionList,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SymbolInformation,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { FeatureContext, ServiceDocument } from './context';
import type { ServiceHost } from '../host';
import type { Translate } from '../util/l10n';
import type { LinkPreviewService } from '../linkPreview/previewService';
import type { IssueModel } from '../model/types';
import { buildIssueModel } from '../model/issueModel';
import type { SectionCache } from '../model/sectionCache';
import { findSlugStyle, slugStyles } from '../slug';
import type { WorkspaceIndex } from '../indexing/workspaceIndex';
import { getCompletions } from './completion';
import { getHover } from './hover';
import { getDefinition } from './definition';
import { getReferences } from './references';
import { prepareRename, getRenameEdits, type PrepareRenameResult } from './rename';
import { getDocumentSymbols } from './documentSymbols';
import { getWorkspaceSymbols } from './workspaceSymbols';
import { getFoldingRanges } from './folding';
import { getDocumentLinks } from './documentLinks';

export interface NavigationFeatures {
  getCompletions(doc: ServiceDocument, position: Position): CompletionList;
  getHover(doc: ServiceDocument, position: Position): Promise<Hover | null>;
  getDefinition(doc: ServiceDocument, position: Position): Location[];
  getReferences(doc: ServiceDocument, position: Position, includeDeclaration: boolean): Location[];
  prepareRename(doc: ServiceDocument, position: Position): PrepareRenameResult;
  getRenameEdits(doc: ServiceDocument, position: Position, newName: string): WorkspaceEdit | { error: string };
  getDocumentSymbols(doc: ServiceDocument): DocumentSymbol[];
  getWorkspaceSymbols(query: string): SymbolInformation[];
  getFoldingRanges(doc: ServiceDocument): FoldingRange[];
  getDocumentLinks(doc: ServiceDocument): DocumentLink[];
  /** Tag counts for rules (`env.knownTags`): the rest of the workspace and `weekly.tagVocabulary`. */
  knownTagsFor(uri: string): ReadonlyMap<string, number> | undefined;
  /** `env.knownTags` for a document's rules: undefined when nothing is known beyond the document. */
  knownTagsProvider(uri: string): (() => ReadonlyMap<string, number>) | undefined;
  readonly workspaceIndex?: WorkspaceIndex;
}

export interface CoreAccess {
  getModel(doc: ServiceDocument): IssueModel;
  configFor(uri: string): WeeklyConfig;
  sectionCache: SectionCache;
  t: Translate;
}

export function createNavigationFeatures(core: CoreAccess, host: ServiceHost, index?: WorkspaceIndex, previews?: LinkPreviewService): NavigationFeatures {
  const slugStyle = (uri: string) => findSlugStyle(core.configFor(uri).slugStyle) ?? slugStyles[0];
  const ctx: FeatureContext = {
    host,
    index,
    previews,
    t: core.t,
    model: core.getModel,
    config: core.configFor,
    slugStyle,
    parse: (uri, text) => buildIssueModel(text, { slugStyle: slugStyle(uri), presets: core.configFor(uri).presets, cache: core.sectionCache }),
    modelOfUri(uri) {
      const entry = index?.get(uri);
      if (!entry) return undefined;
      return index!.models.get(uri, entry.text, { slugStyle: slugStyle(uri), presets: core.configFor(uri).presets }, 'full');
    },
  };
  function knownTagsFor(uri: string): ReadonlyMap<string, number> | undefined {
    const vocabulary = core.configFor(uri).tagVocabulary;
    if (!index && vocabulary.length === 0) return undefined;
    const counts = new Map(index ? index.tagCountsExcept(uri) : []);
    for (const tag of vocabulary) {
      const name = tag.replace(/^#/, '');
      if (!counts.has(name)) counts.set(name, 0);
    }
    return counts;
  }

  return {
    getCompletions: (doc, position) => getCompletions(ctx, doc, position),
    getHover: (doc, position) => getHover(ctx, doc, position),
    getDefinition: (doc, position) => getDefinition(ctx, doc, position),
    getReferences: (doc, position, includeDeclaration) => getReferences(ctx, doc, position, includeDeclaration),
    prepareRename: (doc, position) => prepareRename(ctx, doc, position),
    getRenameEdits: (doc, position, newName) => getRenameEdits(ctx, doc, position, newName),
    getDocumentSymbols: (doc) => getDocumentSymbols(ctx, doc),
    getWorkspaceSymbols: (query) => getWorkspaceSymbols(ctx, query),
    getFoldingRanges: (doc) => getFoldingRanges(ctx, doc),
    getDocumentLinks: (doc) => getDocumentLinks(ctx, doc),
    knownTagsFor,
    knownTagsProvider(uri) {
      if (!index && core.configFor(uri).tagVocabulary.length === 0) return undefined;
      return () => knownTagsFor(uri) ?? new Map();
    },
    workspaceIndex: index,
  };
}

/** The range of `[start, end)` in a model's text. */
export function rangeIn(model: IssueModel, start: number, end: number): Range {
  return model.lines.range(start, end);
}
