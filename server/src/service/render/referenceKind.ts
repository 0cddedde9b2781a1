import type { LanguagePreset } from '../config/weeklyConfig';
import { referenceSlotOf } from '../links/paperLink';

export type ReferenceKind = 'project' | 'github' | 'paper';

/**
 * What a reference entry points to, by its URL (the one link parser, ../links/paperLink.ts): where the
 * reader will land matters more than what the link text claims (an entry called "项目主页" that links to
 * github.com is shown as a GitHub repository).
 */
export function referenceKindOf(url: string): ReferenceKind {
  return referenceSlotOf(url) ?? 'project';
}

/** The kind's name in the issue's own language, from the preset the checker also uses. */
export function referenceKindLabel(kind: ReferenceKind, preset: LanguagePreset): string {
  return preset.referenceKinds[kind];
}
