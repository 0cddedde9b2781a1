/** The authoring commands' view of one document, apart from index.ts so the commands need not import it. */
import type { WeeklyConfig } from '../config/weeklyConfig';
import type { Translate } from '../util/l10n';
import type { IssueModel } from '../model/types';
import type { TagUse } from '../features/tagRanking';

/** What an authoring command needs to know about one document. */
export interface AuthoringContext {
  model: IssueModel;
  config: WeeklyConfig;
  isIssue: boolean;
  /** Builds the model of another text the way this document's is built (same slug style and presets). */
  reparse(text: string): IssueModel;
  t: Translate;
  /** Tags of the workspace's other issues with how many use each (the workspace index), when there is one. */
  knownTags?: ReadonlyMap<string, number>;
  /** Each tag's uses across the workspace and this document (the shared ranking's input), when indexed. */
  tagUses?: ReadonlyMap<string, TagUse>;
}
