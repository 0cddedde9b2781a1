/** "New Weekly Issue": a new file from the template, at the path the `weekly.newIssue.pathPattern` setting gives. */
import * as vscode from 'vscode';
import { defaultPresets, newIssuePath, newIssueText, type IssueLanguage } from '../../../server/src/service';
import { BACK, runSteps, vscodeInputProvider, type InputProvider } from './inputFlow';

export const DEFAULT_PATH_PATTERN = 'issues/{yyyy}-{mm}-{dd}.md';

export async function newIssueCommand(injected?: unknown): Promise<vscode.Uri | undefined> {
  const input = isInputProvider(injected) ? injected : vscodeInputProvider;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: a new issue is created inside the workspace.'));
    return undefined;
  }
  const settings = vscode.workspace.getConfiguration('weekly', folder.uri);
  const pattern = settings.get<string>('newIssue.pathPattern') || DEFAULT_PATH_PATTERN;
  const defaultLanguage: IssueLanguage = settings.get<string>('newIssue.language') === 'en' ? 'en' : 'zh';
  const relative = newIssuePath(pattern, new Date());
  if (relative.split(/[\\/]/).includes('..') || /^([a-z]:)?[\\/]/i.test(relative)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('weekly.newIssue.pathPattern must be a path inside the workspace, not "{0}".', pattern));
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, relative);
  if (await exists(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} already exists; it is opened instead.', relative));
    await vscode.window.showTextDocument(target);
    return target;
  }
  let language = defaultLanguage;
  let title = '';
  const step = { title: vscode.l10n.t('New Weekly Issue'), totalSteps: 2 };
  const done = await runSteps([
    async () => {
      const v = await input.pickOne({
        ...step,
        step: 1,
        canGoBack: false,
        placeholder: vscode.l10n.t('Language of the issue'),
        items: [
          { value: 'zh', label: '中文', description: '目录 · 摘要 · 参考链接', picked: language === 'zh' },
          { value: 'en', label: 'English', description: 'Contents · Summary · References', picked: language === 'en' },
        ],
      });
      if (v === 'zh' || v === 'en') language = v;
      return v;
    },
    async () => {
      const v = await input.text({ ...step, step: 2, canGoBack: true, prompt: vscode.l10n.t('Title of the issue (optional)'), value: title, validate: (x) => (/[\r\n]/.test(x) ? vscode.l10n.t('Keep it on one line.') : undefined) });
      if (typeof v === 'string') title = v.trim();
      return v;
    },
  ]);
  if (!done) return undefined;
  const text = newIssueText({ language, preset: defaultPresets[language], title });
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}: {1}', relative, (err as Error).message));
    return undefined;
  }
  const editor = await vscode.window.showTextDocument(target);
  // The cursor on the summary line, where writing starts.
  const line = editor.document.getText().split('\n').findIndex((l) => /^(本周亮点：|This week:)/.test(l));
  if (line >= 0) {
    const end = editor.document.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
  }
  return target;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function isInputProvider(x: unknown): x is InputProvider {
  return !!x && typeof (x as InputProvider).text === 'function' && typeof (x as InputProvider).pickOne === 'function';
}

export { BACK };
