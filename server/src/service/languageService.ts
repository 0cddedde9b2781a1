import { collectTagUses } from './features/tagRanking';
import type { CodeAction, Diagnostic, DiagnosticRelatedInformation, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-types';
import { defaultConfig, type Severity, type WeeklyConfig } from './config/weeklyConfig';
import { isIgnoredFile, isInside, issueStatusOf, isWeeklyIssue, uriToPath } from './config/documentScope';
import { buildIssueModel, sectionCountOf } from './model/issueModel';
import { SectionCache } from './model/sectionCache';
import type { IssueModel, IssueStatus } from './model/types';
import { allRules, docsLink, findRule } from './rules';
import { linkFindings, linksToCheck } from './linkHealth/linkFindings';
import type { LinkStatus } from './linkHealth/linkCheck';
import { ruleMessages, type Finding, type FindingFix, type OffsetEdit, type RelatedPlace, type RuleEnvironment } from './rules/rule';
import { findSlugStyle, slugStyles } from './slug';
import { disableForLineFix, filterDisabled } from './inlineDisable';
import { createTranslator, type Translate } from './util/l10n';
import { createNavigationFeatures, type NavigationFeatures } from './features/navigationFeatures';
import type { ServiceDocument } from './features/context';
import type { ServiceHost } from './host';
import type { WorkspaceIndex } from './indexing/workspaceIndex';
import type { LinkPreviewService } from './linkPreview/previewService';
import { catalogOfIndex, type IssueCatalog } from './paperRepeat/issueCatalog';

export type { ServiceDocument } from './features/context';
import { createFileLinkLookups } from './fileLinks/fileLinkLookups';
import { runNewPaperEntry, runNewPaperEntries, type AuthoringContext, type AuthoringResult, type NewPaperEntryInput } from './authoring';

/**
 * The host (host.ts) and the parts a host built on it: the workspace index over its files and the link
 * previews over its HTTP and clock. A host without them gets the document-only features.
 */
export interface LanguageServiceHost extends ServiceHost {
  /** The workspace-wide index (the server builds it over the workspace folders). */
  workspaceIndex?: WorkspaceIndex;
  /** Fetches and caches web previews for hovers; absent: hovers show local information only. */
  linkPreviews?: LinkPreviewService;
  /** The other issues' papers (paper-repeat); absent: the workspace index's, when there is one. */
  issueCatalog?: IssueCatalog;
}

export interface WeeklyLanguageService extends NavigationFeatures {
  getModel(doc: ServiceDocument): IssueModel;
  isIssue(doc: ServiceDocument): boolean;
  /** Whether the document is treated as an issue, and why (the client's status bar). */
  issueStatus(doc: ServiceDocument): IssueStatus;
  /** Problems found, by offsets, with their fixes. */
  getFindings(doc: ServiceDocument): Finding[];
  computeDiagnostics(doc: ServiceDocument): Diagnostic[];
  getCodeActions(doc: ServiceDocument, range: Range, only?: string[]): CodeAction[];
  /** The preferred fix of every finding that has one, as one set of non-overlapping edits. */
  getFixAllEdits(doc: ServiceDocument): TextEdit[];
  /** Link health results of a document (link-dead, link-moved, link-unverified), kept by URL; undefined clears them. */
  setLinkStatuses(uri: string, statuses: ReadonlyMap<string, LinkStatus> | undefined, all?: boolean): void;
  /** Forget a document's built state (closed, or to be checked again); its link statuses stay until cleared. */
  forget(uri: string): void;
  /**
   * Forget only what a document's check found, keeping its model: for when other files changed (the
   * workspace index was built) but the document and its settings did not. Rebuilding the model there cost
   * a large issue's next keystroke the whole parse again.
   */
  forgetFindings(uri: string): void;
  readonly sectionCache: SectionCache;
  /** "New Paper Entry" (authoring/): the edits by offsets and where the cursor goes, or why it cannot run. */
  newPaperEntry(doc: ServiceDocument, input: NewPaperEntryInput): AuthoringResult;
  /** Several papers, placed one after the other, as one edit. */
  newPaperEntries(doc: ServiceDocument, inputs: readonly NewPaperEntryInput[]): AuthoringResult;
  /** The authoring commands' view of a document (authoring/index.ts). */
  authoringContext(doc: ServiceDocument): AuthoringContext;
  /** Translates a message of the catalog (l10n.ts) into the host's locale. */
  readonly t: Translate;
}

export const FIX_ALL_KIND = 'source.fixAll.weekly';

interface DocumentState {
  version: number;
  text: string;
  slugStyle: string;
  model: IssueModel;
  findings?: Finding[];
  isIssue?: boolean;
}

export function createLanguageService(host: LanguageServiceHost = {}): WeeklyLanguageService {
  const sectionCache = new SectionCache();
  const documents = new Map<string, DocumentState>();
  const linkStatuses = new Map<string, { statuses: ReadonlyMap<string, LinkStatus>; all: boolean }>();
  const configFor = (uri: string) => host.getConfig?.(uri) ?? defaultConfig;
  const t = createTranslator(() => host.locale?.());
  const fileLinks = host.workspaceIndex ? createFileLinkLookups(host.workspaceIndex) : undefined;
  const issueCatalog = host.issueCatalog ?? (host.workspaceIndex && catalogOfIndex(host.workspaceIndex));
  // Completion, hover, navigation and the workspace index (features/navigationFeatures.ts), spread into the result.
  const navigation = createNavigationFeatures({ getModel: (doc) => state(doc).model, configFor, sectionCache, t }, host, host.workspaceIndex, host.linkPreviews);

  function state(doc: ServiceDocument): DocumentState {
    const config = configFor(doc.uri);
    const style = findSlugStyle(config.slugStyle) ?? slugStyles[0];
    const text = doc.getText();
    const cached = documents.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text === text && cached.slugStyle === style.id) return cached;
    // An oversized document is not parsed at all: its model is that of an empty text, and one finding says why.
    const tooLarge = text.length > config.maxFileSize;
    // The previous version's build is the starting point: only what the edit touched is done again.
    const model = buildIssueModel(tooLarge ? '' : text, { slugStyle: style, presets: config.presets, cache: sectionCache, previous: cached?.model });
    const fresh: DocumentState = { version: doc.version, text, slugStyle: style.id, model };
    documents.set(doc.uri, fresh);
    let live = 0;
    for (const d of documents.values()) live += sectionCountOf(d.model);
    sectionCache.setLiveSections(live);
    return fresh;
  }

  function isIssue(doc: ServiceDocument): boolean {
    const s = state(doc);
    s.isIssue ??= isWeeklyIssue(s.model, configFor(doc.uri), uriToPath(doc.uri), host.workspaceRoots?.() ?? []);
    return s.isIssue;
  }

  function getFindings(doc: ServiceDocument): Finding[] {
    const s = state(doc);
    if (s.findings) return s.findings;
    const config = configFor(doc.uri);
    const documentPath = uriToPath(doc.uri);
    // `weekly.ignore`: such files are never checked, whatever they contain.
    if (isIgnoredFile(config, documentPath, host.workspaceRoots?.() ?? [])) return (s.findings = []);
    const issue = isIssue(doc);
    // The rules' view of the host (rules/rule.ts): the host's own answers, else the index's.
    const env: RuleEnvironment = {
      fileExists: host.fileExists && onceEach(host.fileExists),
      documentPath,
      siteRoot: siteRootFor(config),
      knownTags: host.knownTags ?? navigation.knownTagsProvider(doc.uri),
      // Other files' anchors under this document's slug style (broken-file-anchor).
      anchorsOf: host.anchorsOf ? (p) => host.anchorsOf!(p, config) : fileLinks && ((p) => fileLinks.anchorsOf(p, config)),
      listDirectory: host.listDirectory,
      filesNamed: host.filesNamed ?? fileLinks?.filesNamed,
      documentUri: doc.uri,
      issueCatalog,
      t,
    };
    const findings: Finding[] = [];
    if (s.text.length > config.maxFileSize) {
      if (severityOf(config, 'file-too-large') !== 'off') {
        findings.push({ code: 'file-too-large', start: 0, end: 0, message: t(ruleMessages['file.tooLarge'], { length: s.text.length, max: config.maxFileSize }) });
      }
      s.findings = findings;
      return findings;
    }
    for (const rule of allRules) {
      if (rule.scope === 'issue' && !issue) continue;
      if (severityOf(config, rule.code) === 'off') continue;
      try {
        for (const f of rule.check({ model: s.model, config, isIssue: issue, env })) findings.push({ ...f, code: rule.code });
      } catch (err) {
        // A rule's bug must not take the other rules (or the server) down with it.
        host.log?.(`rule ${rule.code} failed on ${doc.uri}: ${(err as Error).stack ?? err}`);
      }
    }
    // Findings that came over the network (link health), placed on the links of this version of the text.
    const linkState = linkStatuses.get(doc.uri);
    if (linkState) {
      for (const f of linkFindings(linksToCheck(s.model, linkState.all), linkState.statuses, t)) if (severityOf(config, f.code) !== 'off') findings.push(f);
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    // `<!-- weekly-issues-disable … -->` comments (inlineDisable.ts).
    s.findings = filterDisabled(findings, s.text, s.model.lines);
    return s.findings;
  }

  /**
   * Where `/…` paths resolve: the configured site root, else the first workspace folder. In Restricted Mode a
   * site root outside the workspace folders (a cloned repository's `.weekly-issues.json` pointing at `/`) is
   * not honoured: checks there would read the rest of the disk.
   */
  function siteRootFor(config: WeeklyConfig): string | undefined {
    const roots = host.workspaceRoots?.() ?? [];
    if (config.siteRoot && (host.trusted?.() !== false || roots.some((r) => r === config.siteRoot || isInside(config.siteRoot!, r)))) return config.siteRoot;
    return roots[0];
  }

  /** Link health results for a document (by URL, so they follow the links as the text changes). */
  function setLinkStatuses(uri: string, statuses: ReadonlyMap<string, LinkStatus> | undefined, all = false): void {
    if (statuses) linkStatuses.set(uri, { statuses, all });
    else linkStatuses.delete(uri);
    const cached = documents.get(uri);
    if (cached) cached.findings = undefined;
  }

  function computeDiagnostics(doc: ServiceDocument): Diagnostic[] {
    const s = state(doc);
    const config = configFor(doc.uri);
    return getFindings(doc).map((f) => ({
      range: s.model.lines.range(f.start, f.end),
      severity: toLspSeverity(severityOf(config, f.code)),
      code: f.code,
      codeDescription: docsLink(f.code),
      source: 'weekly',
      message: f.message,
      data: { fixable: !!f.fixes?.some((x) => x.edits.length > 0) },
      ...(f.related && { relatedInformation: relatedInformation(f.related, doc.uri, s.model) }),
    }));
  }

  /** Related places by offsets → locations (another file's lines from the catalog); unknown files left out. */
  function relatedInformation(places: readonly RelatedPlace[], uri: string, model: IssueModel): DiagnosticRelatedInformation[] {
    return places.flatMap((p) => {
      const lines = !p.uri || p.uri === uri ? model.lines : issueCatalog?.linesOf(p.uri);
      return lines ? [{ location: { uri: p.uri || uri, range: lines.range(p.start, p.end) }, message: p.message }] : [];
    });
  }

  function toTextEdits(model: IssueModel, edits: OffsetEdit[]): TextEdit[] {
    return edits.map((e) => ({ range: model.lines.range(e.start, e.end), newText: e.newText }));
  }

  function getCodeActions(doc: ServiceDocument, range: Range, only?: string[]): CodeAction[] {
    const s = state(doc);
    const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      const start = s.model.lines.offsetAt(range.start);
      const end = s.model.lines.offsetAt(range.end);
      const diagnostics = computeDiagnostics(doc);
      getFindings(doc).forEach((f, i) => {
        if (f.end < start || f.start > end) return;
        for (const fix of f.fixes ?? []) {
          if (fix.edits.length === 0) continue;
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostics[i]],
            isPreferred: fix.isPreferred,
            edit: versionedEdit(doc, toTextEdits(s.model, fix.edits)),
          });
        }
        const disable = disableForLineFix(f, s.text, s.model.lines, t);
        actions.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostics[i]], edit: versionedEdit(doc, toTextEdits(s.model, [disable.edit])) });
      });
    }
    if (wants(FIX_ALL_KIND) || (only && only.includes(CodeActionKind.SourceFixAll))) {
      const edits = getFixAllEdits(doc);
      if (edits.length) {
        actions.push({ title: t(ruleMessages['fixAll.title']), kind: FIX_ALL_KIND, edit: versionedEdit(doc, edits) });
      }
    }
    return actions;
  }

  function getFixAllEdits(doc: ServiceDocument): TextEdit[] {
    const s = state(doc);
    return toTextEdits(s.model, preferredEdits(getFindings(doc)));
  }

  function authoringContext(doc: ServiceDocument): AuthoringContext {
    const config = configFor(doc.uri);
    const slugStyle = findSlugStyle(config.slugStyle) ?? slugStyles[0];
    const reparse = (text: string) => buildIssueModel(text, { slugStyle, presets: config.presets, cache: sectionCache });
    const knownTags = (host.knownTags ?? navigation.knownTagsProvider(doc.uri))?.();
    const model = state(doc).model;
    const index = navigation.workspaceIndex;
    const own = model.papers.map((p) => ({ name: p.name, tags: p.tags.map((x) => x.name) }));
    const tagUses = index ? collectTagUses(index.all(), doc.uri, model.language, own) : undefined;
    return { model, config, isIssue: isIssue(doc), reparse, t, knownTags, tagUses };
  }

  return {
    ...navigation,
    getModel: (doc) => state(doc).model,
    isIssue,
    issueStatus: (doc) => issueStatusOf(state(doc).model, configFor(doc.uri), uriToPath(doc.uri), host.workspaceRoots?.() ?? []),
    getFindings,
    computeDiagnostics,
    getCodeActions,
    getFixAllEdits,
    forget: (uri) => void documents.delete(uri),
    forgetFindings(uri) {
      const cached = documents.get(uri);
      if (cached) cached.findings = undefined;
    },
    setLinkStatuses,
    sectionCache,
    newPaperEntry: (doc, input) => runNewPaperEntry(authoringContext(doc), input),
    newPaperEntries: (doc, inputs) => runNewPaperEntries(authoringContext(doc), inputs),
    authoringContext,
    t,
  };
}

/**
 * An edit bound to the document version it was computed for: the client refuses it if the document
 * has changed since, so a fix can never land on text it was not made for.
 */
export function versionedEdit(doc: ServiceDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
}


function severityOf(config: WeeklyConfig, code: string): Severity {
  return config.severity[code] ?? findRule(code)?.defaultSeverity ?? 'warning';
}

function toLspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
    default:
      return DiagnosticSeverity.Warning;
  }
}

/** The preferred fix of each finding, dropping any fix whose edits overlap one already taken. */
export function preferredEdits(findings: Finding[]): OffsetEdit[] {
  // The taken edits stay sorted by start and never overlap, so an edit can only overlap the last one that
  // starts at or before it or the first one after it: a binary search, not a scan of all (thousands of
  // broken links made fix-all quadratic: 6,250 fixes took 6.6 s).
  const taken: OffsetEdit[] = [];
  const firstAfter = (start: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid].start <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const overlaps = (e: OffsetEdit) => {
    const i = firstAfter(e.start);
    if (i < taken.length && taken[i].start < e.end) return true;
    // Before it: those starting where e starts, then those sharing the nearest earlier start (a range and
    // insertions at its start can share one); anything earlier ends before that start.
    let groupStart: number | undefined;
    for (let j = i - 1; j >= 0; j--) {
      const t = taken[j];
      if (t.start < e.start) {
        if (groupStart !== undefined && t.start < groupStart) break;
        groupStart = t.start;
      }
      if ((e.start < t.end && t.start < e.end) || (t.start === e.start && t.end === e.end)) return true;
    }
    return false;
  };
  for (const f of findings) {
    const fix: FindingFix | undefined = f.fixes?.find((x) => x.isPreferred && x.edits.length) ?? undefined;
    if (!fix || fix.edits.some(overlaps)) continue;
    for (const e of fix.edits) taken.splice(firstAfter(e.start), 0, e);
  }
  return taken;
}

/** Applies offset edits to a text (they must not overlap). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/**
 * `exists` asked once per path for the length of one check: rules ask about the same files many times
 * (every copy of a cover image, each link to the same file), and each answer is a system call; within a
 * check the file system is taken as it was when the check began.
 */
function onceEach(exists: (path: string) => boolean): (path: string) => boolean {
  const answers = new Map<string, boolean>();
  return (path) => {
    let answer = answers.get(path);
    if (answer === undefined) answers.set(path, (answer = exists(path)));
    return answer;
  };
}
