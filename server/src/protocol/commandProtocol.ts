/**
 * The authoring commands the server runs through `workspace/executeCommand`: their ids, arguments and
 * results. Types and constants only, so the client bundles this file too and both sides agree.
 */
import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';

export const ServerCommands = {
  newPaperEntry: 'weekly.server.newPaperEntry',
  updateToc: 'weekly.server.updateToc',
  renumberReferences: 'weekly.server.renumberReferences',
  fixAll: 'weekly.server.fixAll',
  knownTags: 'weekly.server.knownTags',
  checkLinks: 'weekly.server.checkLinks',
  lookupPapers: 'weekly.server.lookupPapers',
  newPaperEntries: 'weekly.server.newPaperEntries',
  issueStatus: 'weekly.server.issueStatus',
  toggleIssue: 'weekly.server.toggleIssue',
} as const;

/** A paper looked up from a link: New Paper Entry's fields, pre-filled, and what went wrong on the way. */
export interface LookedUpEntry {
  input: string;
  /** Enough was found to write a section (a title, or a repository whose name can stand for it). */
  found: boolean;
  name: string;
  title?: string;
  summary?: string;
  summaryDraft?: boolean;
  tags: string[];
  links: { project?: string; github?: string; paper?: string };
  image?: string;
  /** One line each, naming the service and why, in the client's language. */
  problems: string[];
}

export interface LookupPapersArgs {
  uri: string;
  version: number;
  links: string[];
}

export interface LookupPapersResult {
  entries: LookedUpEntry[];
  cancelled?: boolean;
  /** Why no lookup ran at all (Restricted Mode, services off): the flow goes on by hand. */
  error?: string;
}

/** Several papers in one edit (New Paper Entries from Links…). */
export interface NewPaperEntriesArgs {
  uri: string;
  version: number;
  entries: Array<Omit<NewPaperEntryArgs, 'uri' | 'version' | 'cursor'>>;
}

/** What "Check Links in This Issue" found, or why it did not run. */
export interface CheckLinksResult {
  checked?: number;
  dead?: number;
  moved?: number;
  unverified?: number;
  cancelled?: boolean;
  error?: string;
}

/** Which document, at which version: the server refuses when its copy is at another version. */
export interface DocumentCommandArgs {
  uri: string;
  version: number;
}

export interface NewPaperEntryArgs extends DocumentCommandArgs {
  name: string;
  title?: string;
  summary?: string;
  tags?: string[];
  links?: { project?: string; github?: string; paper?: string };
  urls?: string[];
  /** The summary is a lookup's abstract: written as a draft (summary-draft) until the editor rewrites it. */
  summaryDraft?: boolean;
  /** The figure's URL (a project page's og:image); absent: an empty image. */
  image?: string;
  /** The cursor: the paper goes there when it sits between two papers. */
  cursor?: Position;
}

/** An edit for the client to apply as one undoable step, or why there is none. */
export interface EditCommandResult {
  /** Bound to the document's version (documentChanges), so it cannot land on changed text. */
  edit?: WorkspaceEdit;
  /** Where the cursor goes, in the document as it is after the edit. */
  selection?: Range;
  /** Why the command cannot run, in the client's language. */
  error?: string;
  /** True when the document is already as the command would make it. */
  unchanged?: boolean;
}

export interface KnownTag {
  tag: string;
  /** How many issues use it (the workspace index), or papers of this document when no index knows it. */
  count: number;
}

export interface KnownTagsResult {
  tags: KnownTag[];
  /** Set when "New Paper Entry" cannot run on this document: asked first, before any input. */
  error?: string;
  /** The issue's language: the prompts show the heading as it will be written (`名称：标题`, `Name: Title`). */
  language?: 'zh' | 'en';
}

export type { IssueStatus } from '../service';

/** The archive views and tag trends (issue 18): requests the client sends and the server's change notice. */
export const ArchiveMessages = {
  /** Request, no params: `ArchiveData`. */
  data: 'weekly/archive',
  /** Request `TagTrendsParams`: `TagTrendsResult`. */
  tagTrends: 'weekly/tagTrends',
  /** Notification `ArchiveChangedParams`: the archive's data changed; ask again. */
  changed: 'weekly/archiveChanged',
} as const;

export interface TagTrendsParams {
  top?: number;
  by?: 'month' | 'issue';
  /** The webview page's CSP nonce, put on the chart's `<style>`. */
  nonce?: string;
}

export interface TagTrendsResult {
  trends: import('../service').TagTrends;
  svg: string;
}

export interface ArchiveChangedParams {
  version: number;
  /** The files whose shown data changed (empty after a whole index build). */
  uris: string[];
}

/**
 * `weekly/publish` (a request, not a command: it edits nothing): the document as a publishing target
 * gives it, and what would reach readers broken (Copy for WeChat, Export for Email).
 */
export const PublishRequestMethod = 'weekly/publish';

export interface PublishParams {
  uri: string;
  target: 'wechat' | 'email';
}

export interface PublishResult {
  /** The content alone, every style inline: what goes on the clipboard. */
  html?: string;
  /** A whole page around it (no `<style>`, `<script>` or `<link>`): what Export for Email writes. */
  page?: string;
  /** email: the plain-text part. */
  text?: string;
  title?: string;
  /** Each in the client's language, with its 1-based source line. */
  findings?: Array<{ code: string; line: number; message: string }>;
  /** Why there is nothing to publish (the document is not open), in the client's language. */
  error?: string;
}
