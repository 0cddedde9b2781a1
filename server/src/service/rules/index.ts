import { anchorCaseRule } from './anchorCase';
import { brokenAnchorRule, tocBrokenAnchorRule } from './brokenAnchors';
import type { Rule } from './rule';
import { tocTextMismatchRule } from './tocTextMismatch';

/** Every rule the checker runs, in the order their findings are listed for one place. */
export const allRules: readonly Rule[] = [tocBrokenAnchorRule, brokenAnchorRule, anchorCaseRule, tocTextMismatchRule];

export function findRule(code: string): Rule | undefined {
  return allRules.find((r) => r.code === code);
}
