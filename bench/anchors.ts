/**
 * The tools an editor would pick instead of ours, each driven through its public API the way an editor
 * integration would drive it, on text in memory. Each `check` does one full check of one document and
 * returns how many problems the tool reported (the workloads have none, so anything else is shown).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import * as mdls from 'vscode-markdown-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Emitter, CancellationToken } from 'vscode-jsonrpc';
import { URI } from 'vscode-uri';
import { lint as markdownlintSync } from 'markdownlint/sync';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkValidateLinks from 'remark-validate-links';
import { unified } from 'unified';

export interface Tool {
  id: string;
  label: string;
  /** One full check of `text`; resolves to the number of problems reported. */
  check(text: string): number | Promise<number>;
}

/**
 * A workspace holding only the document under test, as the library's own tests build one. File links are
 * not validated (the generated documents' images point at a site that is not on this disk), so every tool
 * here checks what lives inside the document: `#` fragments and references.
 */
class OneDocumentWorkspace implements mdls.IWorkspace {
  private readonly changed = new Emitter<mdls.ITextDocument>();
  private readonly created = new Emitter<mdls.ITextDocument>();
  private readonly deleted = new Emitter<URI>();
  readonly onDidChangeMarkdownDocument = this.changed.event;
  readonly onDidCreateMarkdownDocument = this.created.event;
  readonly onDidDeleteMarkdownDocument = this.deleted.event;
  readonly workspaceFolders = [URI.file('/bench')];
  doc: TextDocument | undefined;

  set(doc: TextDocument): void {
    const isNew = !this.doc;
    this.doc = doc;
    (isNew ? this.created : this.changed).fire(doc);
  }
  async getAllMarkdownDocuments() {
    return this.doc ? [this.doc] : [];
  }
  hasMarkdownDocument(resource: URI) {
    return !!this.doc && resource.toString() === this.doc.uri;
  }
  async openMarkdownDocument(resource: URI) {
    return this.hasMarkdownDocument(resource) ? this.doc : undefined;
  }
  async stat(resource: URI) {
    return this.hasMarkdownDocument(resource) ? { isDirectory: false } : undefined;
  }
  async readDirectory() {
    return [];
  }
}

export function vscodeMarkdownLanguageService(): Tool {
  const md = MarkdownIt({ html: true });
  const parser: mdls.IMdParser = {
    slugifier: mdls.githubSlugifier,
    async tokenize(document) {
      return md.parse(document.getText(), {});
    },
  };
  const workspace = new OneDocumentWorkspace();
  const logger: mdls.ILogger = { level: mdls.LogLevel.Off, log() {} };
  const service = mdls.createLanguageService({ workspace, parser, logger });
  const options: mdls.DiagnosticOptions = {
    validateReferences: mdls.DiagnosticLevel.warning,
    validateFragmentLinks: mdls.DiagnosticLevel.warning,
    validateFileLinks: mdls.DiagnosticLevel.ignore,
    validateMarkdownFileLinkFragments: mdls.DiagnosticLevel.ignore,
    validateUnusedLinkDefinitions: mdls.DiagnosticLevel.warning,
    validateDuplicateLinkDefinitions: mdls.DiagnosticLevel.warning,
    ignoreLinks: [],
  };
  let version = 0;
  return {
    id: 'vscode-mdls',
    label: "VS Code's Markdown language service",
    async check(text) {
      // A new version of the same document, as an editor sends on every change: nothing cached applies.
      const doc = TextDocument.create('file:///bench/issue.md', 'markdown', ++version, text);
      workspace.set(doc);
      const diagnostics = await service.computeDiagnostics(doc, options, CancellationToken.None);
      return diagnostics.length;
    },
  };
}

export function markdownlint(): Tool {
  const config = { default: false, MD051: true, MD052: true, MD053: true };
  return {
    id: 'markdownlint',
    label: 'markdownlint (MD051–MD053)',
    check(text) {
      const results = markdownlintSync({ strings: { issue: text }, config });
      return results.issue.length;
    },
  };
}

export function remarkValidate(): Tool {
  const root = path.join(os.tmpdir(), 'weekly-bench');
  const processor = remark().use(remarkGfm).use(remarkValidateLinks, { repository: false, root });
  return {
    id: 'remark-validate-links',
    label: 'remark + remark-gfm + remark-validate-links',
    check(text) {
      const input = { path: path.join(root, 'issue.md'), value: text };
      const tree = processor.parse(input);
      return new Promise<number>((resolve, reject) => {
        processor.run(tree, input, (error, _tree, file) => {
          if (error) reject(error);
          else resolve(file?.messages.length ?? 0);
        });
      });
    },
  };
}

export function remarkParser(): Tool {
  const processor = unified().use(remarkParse).use(remarkGfm);
  return {
    id: 'remark-parse',
    label: "remark's parser alone (remark-parse + remark-gfm)",
    check(text) {
      processor.parse(text);
      return 0;
    },
  };
}

export function anchorTools(): Tool[] {
  return [vscodeMarkdownLanguageService(), markdownlint(), remarkValidate(), remarkParser()];
}
