/**
 * Document links for the reference list: each entry's web link, with a tooltip naming what it is and
 * which paper it belongs to (VS Code's own Markdown links do not know either).
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import { paperOfReference } from './locate';
import { classifyUrl } from '../linkPreview/classify';
import { F } from './featureMessages';
import { kindWords } from './linkWords';
import type { FeatureContext, ServiceDocument } from './context';

export function getDocumentLinks(ctx: FeatureContext, doc: ServiceDocument): DocumentLink[] {
  const model = ctx.model(doc);
  const links: DocumentLink[] = [];
  for (const entry of model.references?.entries ?? []) {
    const link = entry.link;
    if (!link || !/^https?:\/\//i.test(link.url)) continue;
    const start = link.destStart ?? link.start;
    const end = link.destEnd ?? link.end;
    const paper = paperOfReference(model, entry.text);
    const kind = kindWords(classifyUrl(link.url), ctx.t);
    links.push({
      range: model.lines.range(start, end),
      target: link.url,
      tooltip: paper ? ctx.t(F['link.tooltip'], { paper: paper.name, kind }) : kind,
    });
  }
  return links;
}
