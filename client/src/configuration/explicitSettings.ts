/**
 * Which `weekly.*` settings the user actually set. VS Code answers `workspace/configuration` with every
 * setting, defaults included, so the server could not tell "slugStyle is github because you said so" from
 * "slugStyle is github by default" — and a default must not hide what `.weekly-issues.json` says. The
 * middleware below leaves the answer as it is (other parts of the server read defaults from it) and adds
 * the list of keys set in any scope under EXPLICIT_KEYS; the server merges only those over the file.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { EXPLICIT_KEYS } from '../../../server/src/service';


/** The `weekly.*` keys the manifest declares, without the `weekly.` prefix. */
export function declaredSettingKeys(packageJSON: { contributes?: { configuration?: unknown } }): string[] {
  const configuration = packageJSON.contributes?.configuration;
  const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
  const keys: string[] = [];
  for (const section of sections as Array<{ properties?: Record<string, unknown> }>) {
    for (const key of Object.keys(section.properties ?? {})) if (key.startsWith('weekly.')) keys.push(key.slice('weekly.'.length));
  }
  return keys;
}

/** The keys of `weekly.*` with a value in the user, workspace or folder settings of a resource. */
export function explicitKeys(keys: readonly string[], scope: vscode.Uri | undefined): string[] {
  const settings = vscode.workspace.getConfiguration('weekly', scope);
  return keys.filter((key) => {
    const i = settings.inspect(key);
    return i !== undefined && (i.globalValue !== undefined || i.workspaceValue !== undefined || i.workspaceFolderValue !== undefined);
  });
}

export function explicitSettingsMiddleware(keys: readonly string[]): Middleware {
  return {
    workspace: {
      async configuration(params, token, next) {
        const result = await next(params, token);
        if (!Array.isArray(result)) return result;
        return result.map((value, i) => {
          const item = params.items[i];
          if (item?.section !== 'weekly' || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
          const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
          return { ...value, [EXPLICIT_KEYS]: explicitKeys(keys, scope) };
        });
      },
    },
  };
}
