/** What a link is, in the user's language (hovers, document link tooltips); the anchors nearest a broken one. */
import { distance } from 'fastest-levenshtein';
import type { LinkKind } from '../linkPreview/classify';
import type { IssueModel } from '../model/types';
import type { Translate } from '../util/l10n';
import { F } from './featureMessages';

export function kindWords(kind: LinkKind, t: Translate): string {
  switch (kind.kind) {
    case 'github':
      return t(F['link.github'], { repo: `${kind.owner}/${kind.repo}` });
    case 'arxiv':
      return t(F['link.arxiv'], { id: `${kind.id}${kind.version ?? ''}` });
    case 'page':
      return t(F['link.page'], { host: kind.host });
    default:
      return t(F['link.other']);
  }
}

/** Up to `max` of the document's heading anchors, nearest to `fragment` by edit distance. */
export function nearestAnchors(model: IssueModel, fragment: string, max: number): string[] {
  const slugs = [...new Set(model.headings.map((h) => h.slug).filter(Boolean))];
  return slugs
    .map((slug) => ({ slug, d: distance(slug, fragment) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.slug);
}
