/**
 * A multi-step input (InputBox / QuickPick steps with Back and cancel) behind a small interface, so the
 * end-to-end suite can script the answers while users always get VS Code's real quick input.
 */
import * as vscode from 'vscode';
import { decideTagAccept } from './tagStepDecision';

/** Symbol.for: the same value in every bundle of the process (the end-to-end suite is bundled apart). */
export const BACK = Symbol.for('weekly.inputFlow.back');
/** What a step gives: a value, BACK (the Back button), or undefined (Escape / focus lost: cancel). */
export type StepAnswer<T> = T | typeof BACK | undefined;

export interface StepInfo {
  title: string;
  step: number;
  totalSteps: number;
  /** Whether the Back button shows (every step but the first). */
  canGoBack: boolean;
}

export interface TextStep extends StepInfo {
  prompt: string;
  placeholder?: string;
  value?: string;
  /** An error message for the value, or undefined when it is fine. */
  validate(value: string): string | undefined;
}

export interface PickItem {
  /** The value the item stands for (a tag). */
  value: string;
  label: string;
  description?: string;
  picked?: boolean;
}

export interface PickManyStep extends StepInfo {
  placeholder: string;
  items: PickItem[];
  /** The item for text typed that matches no item (a new tag), or undefined when the text can't be one. */
  newItem(text: string): PickItem | undefined;
}

export interface PickOneStep extends StepInfo {
  placeholder: string;
  items: PickItem[];
}

export interface InputProvider {
  text(step: TextStep): Promise<StepAnswer<string>>;
  pickOne(step: PickOneStep): Promise<StepAnswer<string>>;
  pickMany(step: PickManyStep): Promise<StepAnswer<string[]>>;
}

/** Runs steps in order; BACK goes to the previous step, undefined cancels the whole flow. */
export async function runSteps(steps: Array<() => Promise<StepAnswer<unknown>>>): Promise<boolean> {
  let i = 0;
  while (i < steps.length) {
    const answer = await steps[i]();
    if (answer === undefined) return false;
    if (answer === BACK) i = Math.max(0, i - 1);
    else i++;
  }
  return true;
}

/** VS Code's own quick input: what users see. */
export const vscodeInputProvider: InputProvider = {
  text(step) {
    const box = vscode.window.createInputBox();
    setUpStep(box, step);
    box.prompt = step.prompt;
    box.placeholder = step.placeholder;
    box.value = step.value ?? '';
    return answerOf<string>(box, (finish) => {
      box.onDidChangeValue((v) => (box.validationMessage = step.validate(v)));
      box.onDidAccept(() => {
        const error = step.validate(box.value);
        if (error) box.validationMessage = error;
        else finish(box.value);
      });
    });
  },

  pickOne(step) {
    type Item = vscode.QuickPickItem & { value: string };
    const pick = vscode.window.createQuickPick<Item>();
    setUpStep(pick, step);
    pick.placeholder = step.placeholder;
    pick.items = step.items.map((p) => ({ value: p.value, label: p.label, description: p.description }));
    const active = pick.items.find((i) => step.items.find((p) => p.value === i.value)?.picked);
    if (active) pick.activeItems = [active];
    return answerOf<string>(pick, (finish) => {
      pick.onDidAccept(() => {
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen) finish(chosen.value);
      });
    });
  },

  pickMany(step) {
    type Item = vscode.QuickPickItem & { value: string };
    const pick = vscode.window.createQuickPick<Item>();
    setUpStep(pick, step);
    pick.canSelectMany = true;
    // The items never change while the step is open: replacing them makes the workbench send a selection
    // event of its own, which can arrive after (and undo) ours. New tags are listed in the placeholder.
    const items: Item[] = step.items.map((p) => ({ value: p.value, label: p.label, description: p.description }));
    pick.items = items;
    pick.selectedItems = items.filter((i) => step.items.find((p) => p.value === i.value)?.picked);
    // Every tag chosen, in the order chosen: that is the order they are written in.
    const chosen: string[] = pick.selectedItems.map((i) => i.value);
    for (const p of step.items) if (p.picked && !chosen.includes(p.value)) chosen.push(p.value);
    const isItem = (v: string) => items.some((i) => i.value === v);
    const showChosen = () => {
      const extra = chosen.filter((v) => !isItem(v));
      pick.placeholder = extra.length ? `${extra.map((v) => `#${v}`).join(' ')} · ${step.placeholder}` : step.placeholder;
    };
    showChosen();
    // Set when the ticked boxes change after the text last changed: OK (or Enter) then means "these".
    let tickedSinceTyping = false;
    return answerOf<string[]>(pick, (finish) => {
      pick.onDidChangeValue(() => (tickedSinceTyping = false));
      pick.onDidChangeSelection((sel) => {
        // Ticking boxes: the selection is the truth for the listed tags; typed new tags stay.
        const ticked = sel.map((i) => i.value);
        const before = chosen.filter(isItem);
        // The workbench also re-sends an unchanged selection (e.g. while filtering): that is no tick.
        if (before.length !== ticked.length || ticked.some((v) => !before.includes(v))) tickedSinceTyping = true;
        for (let k = chosen.length - 1; k >= 0; k--) if (isItem(chosen[k]) && !ticked.includes(chosen[k])) chosen.splice(k, 1);
        for (const v of ticked) if (!chosen.includes(v)) chosen.push(v);
      });
      pick.onDidAccept(() => {
        const decision = decideTagAccept({
          text: pick.value,
          chosen,
          tickedSinceTyping,
          canBeTag: (tag) => isItem(tag) || !!step.newItem(tag),
        });
        if (decision.action === 'finish') return finish(decision.tags);
        if (decision.action === 'stay') return;
        // Enter on typed text chooses that tag (a new one when no listed tag has that name); the list stays.
        if (!chosen.includes(decision.tag)) chosen.push(decision.tag);
        if (isItem(decision.tag)) pick.selectedItems = items.filter((i) => chosen.includes(i.value));
        pick.value = '';
        tickedSinceTyping = false;
        showChosen();
      });
    });
  },
};

/** What every step shows: its title, "step n of m", Back on all but the first; it stays open on focus loss. */
function setUpStep(input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>, step: StepInfo): void {
  input.title = step.title;
  input.step = step.step;
  input.totalSteps = step.totalSteps;
  input.ignoreFocusOut = true;
  input.buttons = step.canGoBack ? [vscode.QuickInputButtons.Back] : [];
}

/**
 * Shows a step and settles once: with what `wire`'s listeners pass to `finish`, BACK from the Back button,
 * or undefined when the input is hidden (Escape: cancel). The input is disposed when it settles.
 */
function answerOf<T>(
  input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
  wire: (finish: (answer: StepAnswer<T>) => void) => void,
): Promise<StepAnswer<T>> {
  return new Promise<StepAnswer<T>>((resolve) => {
    let done = false;
    const finish = (answer: StepAnswer<T>) => {
      if (done) return;
      done = true;
      resolve(answer);
      input.dispose();
    };
    wire(finish);
    input.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish(BACK));
    input.onDidHide(() => finish(undefined));
    input.show();
  });
}
