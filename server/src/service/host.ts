/**
 * The service's one window on the outside world. The LSP server (server.ts, lsp/navigation.ts), the CLI
 * (cli/), the preview (client/src/preview/issueRenderer.ts) and the tests' in-memory workspace
 * (test/unit/navigationWorkspace.ts) each implement it; every member is optional, and what is absent
 * is skipped (a check that needs the file system, a hover preview that needs the network).
 *
 * The narrower views other parts take are derived from it (`Pick<ServiceHost, …>`), never a second
 * interface a host must implement: the workspace index's files (indexing/workspaceIndex.ts), the rules'
 * environment (rules/rule.ts), the link previews' HTTP and clock (linkPreview/previewService.ts).
 */
import type { WeeklyConfig } from './config/weeklyConfig';

/** An HTTP answer, as the link previews read it. */
export interface FetchedResponse {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  contentType: string;
  body: string;
}

export interface ServiceHost {
  // Settings and place.
  /** The resolved settings of a document (defaults, `.weekly-issues.json`, the user's `weekly.*`). */
  getConfig?(uri: string): WeeklyConfig;
  /** Workspace folders (paths), for `weekly.issueFiles` globs and the default site root. */
  workspaceRoots?(): readonly string[];
  /** The client's locale (LSP `initialize` params; the CLI: `LANG`): the language of the service's messages. */
  locale?(): string | undefined;
  log?(message: string): void;

  // Files and directories.
  /** Whether a local file (an image, a linked file) or folder exists. */
  fileExists?(path: string): boolean;
  /** The names in a folder (broken-file-link's fix of a wrong case or extension); undefined: cannot tell. */
  listDirectory?(dir: string): readonly string[] | undefined;
  /** URIs of the Markdown files under `roots`; `exclude` (globs relative to a root) may prune the walk. */
  listFiles?(roots: readonly string[], exclude: readonly string[]): Promise<string[]>;
  readFile?(uri: string): Promise<string>;

  // Network and clock.
  /** GETs a URL; rejects with an Error whose message says why in a few words (timed out after 3 s, …). */
  fetch?(url: string, accept: string): Promise<FetchedResponse>;
  /** Milliseconds since the epoch (`Date.now`); tests move it to expire caches. */
  now?(): number;
  /** Workspace trust; false: nothing outside the workspace folders is read (Restricted Mode). Absent: trusted. */
  trusted?(): boolean;
  /** Whether hovers may fetch previews now (`weekly.hover.fetchPreviews` and workspace trust). */
  /** `why`: 'off' (the setting: hovers then say nothing of previews), 'untrusted' (said in the user's language). */
  previewsAllowed?(uri: string): { allowed: boolean; reason?: string; why?: 'off' | 'untrusted' };

  // Answers a host without a workspace index gives itself (the CLI reads other files from disk).
  /** Another Markdown file's anchors under `config`'s slug style; absent: the index answers; undefined: cannot tell. */
  anchorsOf?(path: string, config: WeeklyConfig): ReadonlySet<string> | undefined;
  /** Markdown files with this name (broken-file-link's fix for a moved file); absent: the index answers. */
  filesNamed?(name: string): readonly string[];
  /**
   * Tags known beyond the document, with how many issues use each; absent: the index and `weekly.tagVocabulary`.
   * A new Map when the counts change, never the same one changed: rules keep what they made of a Map they saw.
   */
  knownTags?(): ReadonlyMap<string, number>;
}
