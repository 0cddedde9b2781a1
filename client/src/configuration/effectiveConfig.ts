/**
 * A document's settings for features that run in the extension host (the preview), resolved as the server
 * resolves them (server/src/lsp/configuration.ts): defaults, then the `.weekly-issues.json` that
 * applies, then the `weekly.*` settings the user set. So the preview's heading ids follow the same slug
 * style as the checks.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { defaultConfig, nearestConfigFile, pickSettings, readConfigFile, resolveConfig, withSiteRootFrom, type WeeklyConfig } from '../../../server/src/service';
import { declaredSettingKeys, explicitKeys } from './explicitSettings';

const EXTENSION_ID = 'weekly-issues.weekly-issues';

export function effectiveConfig(uri: vscode.Uri): WeeklyConfig {
  const base = uri.scheme === 'file' ? configFileSettings(uri) : defaultConfig;
  const keys = declaredSettingKeys(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON ?? {});
  // A plain copy: the settings object also carries methods.
  const all = JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('weekly', uri))) as unknown;
  return resolveConfig(pickSettings(all, explicitKeys(keys, uri)), base).config;
}

/** The config file's settings over the defaults; a bad file's problems are the server's to report. */
function configFileSettings(uri: vscode.Uri): WeeklyConfig {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const file = nearestConfigFile(uri.fsPath, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined, isFile);
  if (!file) return defaultConfig;
  try {
    return withSiteRootFrom(readConfigFile(fs.readFileSync(file, 'utf8')).config, path.dirname(file));
  } catch {
    return defaultConfig; // unreadable: the server says so on the file
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Fires when any `.weekly-issues.json` is created, changed or deleted. */
export function watchConfigFiles(listener: () => void): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.weekly-issues.json');
  watcher.onDidCreate(listener);
  watcher.onDidChange(listener);
  watcher.onDidDelete(listener);
  return watcher;
}
