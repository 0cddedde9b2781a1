import { anchorCaseRule } from './anchorCase';
import { brokenAnchorRule, tocBrokenAnchorRule } from './brokenAnchors';
import { configInvalidInfo, fileTooLargeInfo, RULE_DOCS_BASE_URL, type Rule, type RuleInfo } from './rule';
import { tocTextMismatchRule } from './tocTextMismatch';
import { tocMissingEntryRule } from './tocMissingEntry';
import { tocOrderRule } from './tocOrder';
import { refMissingRule } from './refMissing';
import { refOrphanRule } from './refOrphan';
import { refNumberingRule } from './refNumbering';
import { refDuplicateRule } from './refDuplicate';
import { refBadUrlRule } from './refBadUrl';
import { refKindMismatchRule } from './refKindMismatch';
import { refUndefinedRule } from './refUndefined';
import { paperMissingFieldRule } from './paperMissingField';
import { tagNearDuplicateRule } from './tagNearDuplicate';
import { tagDuplicateRule } from './tagDuplicate';
import { imageMissingRule } from './imageMissing';
import { brokenFileLinkRule } from './brokenFileLink';
import { brokenFileAnchorRule } from './brokenFileAnchor';
import { summaryDraftRule } from './summaryDraft';
import { linkHealthInfos } from '../linkHealth/linkFindings';
import { paperRepeatRule } from './paperRepeat';
import { emphasisUnrenderedRule } from './emphasisUnrendered';

/** Every rule the checker runs, in the order their findings are listed for one place. */
export const allRules: readonly Rule[] = [
  tocBrokenAnchorRule, brokenAnchorRule, anchorCaseRule, tocTextMismatchRule,
  // The structure (issue 4).
  tocMissingEntryRule, tocOrderRule,
  refMissingRule, refOrphanRule, refNumberingRule, refDuplicateRule, refBadUrlRule, refKindMismatchRule, refUndefinedRule,
  paperMissingFieldRule, tagNearDuplicateRule, tagDuplicateRule, imageMissingRule, summaryDraftRule, paperRepeatRule, emphasisUnrenderedRule,
  // Links to other files and their anchors.
  brokenFileLinkRule, brokenFileAnchorRule,
];

/**
 * Every code a diagnostic may carry: the rules, file-too-large (reported in place of them), link health
 * (found by requests) and config-invalid (on the config file itself).
 */
export const allRuleInfos: readonly RuleInfo[] = [...allRules, fileTooLargeInfo, ...linkHealthInfos, configInvalidInfo];

export function findRule(code: string): RuleInfo | undefined {
  return allRuleInfos.find((r) => r.code === code);
}

/** A diagnostic's link to its code's page (docs/rules/<code>.md in the repository), as LSP's codeDescription. */
export function docsLink(code: string): { href: string } | undefined {
  const page = findRule(code)?.docPage;
  return page ? { href: RULE_DOCS_BASE_URL + page } : undefined;
}
