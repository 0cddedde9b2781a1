/**
 * What accepting the tag step means. VS Code's quick pick fires the same `onDidAccept` for Enter and for
 * the OK button, so the intent is read from what happened since the text was typed: ticking a box after
 * typing means the text was a filter and the ticked tags are the answer (OK); Enter straight on typed text
 * chooses that text as a tag. Pure (no `vscode`), so it is unit-tested.
 */
export type TagAcceptDecision =
  | { action: 'finish'; tags: string[] }
  | { action: 'add'; tag: string }
  | { action: 'stay' };

export interface TagAcceptState {
  /** The filter text as typed. */
  text: string;
  /** The tags chosen so far, in the order chosen (ticked listed tags and typed new ones). */
  chosen: readonly string[];
  /** Whether a box was ticked or unticked after the text last changed. */
  tickedSinceTyping: boolean;
  /** Whether typed text can be a tag (a listed one or a valid new one). */
  canBeTag(tag: string): boolean;
}

export function decideTagAccept(state: TagAcceptState): TagAcceptDecision {
  const text = state.text.trim();
  if (!text || state.tickedSinceTyping) return { action: 'finish', tags: [...state.chosen] };
  const tag = text.replace(/^#/, '');
  return state.canBeTag(tag) ? { action: 'add', tag } : { action: 'stay' };
}
