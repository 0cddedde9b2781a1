/**
 * `weekly/publish` (commandProtocol.ts): the open document rendered for WeChat or email with the service's
 * publish check (render/targets/publishCheck.ts), for VS Code's Copy for WeChat and Export for Email.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { authoringMessages as M, type WeeklyConfig, type WeeklyLanguageService } from '../service';
import { checkPublish, PUBLISH_TARGETS, type PublishTarget } from '../service/render';
import { PublishRequestMethod, type PublishParams, type PublishResult } from '../protocol/commandProtocol';

export interface PublishHooks {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: WeeklyLanguageService;
  /** The document's settings, loaded (the server's `settings.settled` then `known`). */
  config(uri: string): Promise<WeeklyConfig>;
  log(message: string): void;
}

export function registerPublish(hooks: PublishHooks): void {
  const { connection, documents, service } = hooks;
  connection.onRequest(PublishRequestMethod, async (params: PublishParams): Promise<PublishResult> => {
    const doc = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!doc) return { error: service.t(M['authoring.noDocument']) };
    const target: PublishTarget = PUBLISH_TARGETS.includes(params.target) ? params.target : 'wechat';
    try {
      const config = await hooks.config(doc.uri);
      const uri = URI.parse(doc.uri);
      const { published, findings } = checkPublish(service, doc, target, { config, filePath: uri.scheme === 'file' ? uri.fsPath : undefined });
      return { html: published.fragment, page: published.page, text: published.text, title: published.title, findings };
    } catch (err) {
      // A renderer bug answers with a message, never takes the server down.
      hooks.log(`${PublishRequestMethod} failed: ${(err as Error).stack ?? err}`);
      return { error: service.t(M['authoring.failed'], { command: PublishRequestMethod, reason: (err as Error).message }) };
    }
  });
}
