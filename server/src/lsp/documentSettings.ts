/**
 * The settings each open document is checked with. A newly opened document does not wait for its
 * `workspace/configuration` round trip (the client may answer late while it is busy starting up): it is
 * checked at once with the settings last received (configuration.ts `cached`: the config file under the
 * client's last `weekly` answer, or the defaults), its own settings are asked for meanwhile, and if they
 * turn out different it is checked again (`changed`). After the user changed the settings the cache is
 * known to be stale: documents then wait for the new answer, as a user who just changed them expects.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { WeeklyConfig } from '../service';
import type { ConfigurationPart } from './configuration';

export interface DocumentSettingsOptions {
  connection: Connection;
  configuration: ConfigurationPart;
  /** Whether the client answers `workspace/configuration` (known after `initialize`). */
  canAsk(): boolean;
  /** A document's own settings differ from those it was checked with: forget its results, check it again. */
  changed(uri: string): void;
  log(message: string): void;
}

export interface DocumentSettings {
  /** The settings a document was last checked with, if any. */
  known(uri: string): WeeklyConfig | undefined;
  /** The settings to check a document with now: a value at once, or a promise while a settings change is answered. */
  forCheck(uri: string): WeeklyConfig | Promise<WeeklyConfig>;
  /** A document's own settings (waits for the client's answer): for commands that act on what they read. */
  settled(uri: string): Promise<WeeklyConfig>;
  /** The user changed the settings: ask again (the global `weekly` section, then each document's). */
  refresh(): void;
  /** A config file changed or the document closed: its settings are resolved again on next use. */
  forget(uri?: string): void;
}

export function createDocumentSettings(options: DocumentSettingsOptions): DocumentSettings {
  const { connection, configuration, log } = options;
  const configs = new Map<string, WeeklyConfig>();
  // Per document: its own answer, handled (stored, and the document rechecked if it differs).
  const asking = new Map<string, Promise<WeeklyConfig>>();
  let refreshing: Promise<void> | undefined;

  function ask(uri: string, provisional: WeeklyConfig): Promise<WeeklyConfig> {
    const answer = connection.workspace.getConfiguration({ scopeUri: uri, section: 'weekly' }).then(
      (clientSettings: unknown) => {
        const config = configuration.resolve(uri, clientSettings);
        if (configs.get(uri) !== provisional) return configs.get(uri) ?? config; // forgotten or replaced meanwhile
        configs.set(uri, config);
        if (!sameSettings(config, provisional)) options.changed(uri);
        return config;
      },
      (err: Error) => {
        log(`weekly settings: could not read those of ${uri} (${err.message}); keeping the cached ones`);
        return provisional;
      },
    );
    asking.set(uri, answer);
    void answer.finally(() => {
      if (asking.get(uri) === answer) asking.delete(uri);
    });
    return answer;
  }

  function forCheck(uri: string): WeeklyConfig | Promise<WeeklyConfig> {
    const known = configs.get(uri);
    if (known) return known;
    if (refreshing) return refreshing.then(() => forCheck(uri));
    const provisional = configuration.cached(uri);
    configs.set(uri, provisional);
    if (options.canAsk()) void ask(uri, provisional);
    return provisional;
  }

  return {
    known: (uri) => configs.get(uri),
    forCheck,
    async settled(uri) {
      const now = await forCheck(uri);
      await asking.get(uri);
      return configs.get(uri) ?? now;
    },
    refresh() {
      configs.clear();
      asking.clear();
      if (!options.canAsk()) return;
      const done: Promise<void> = connection.workspace
        .getConfiguration({ section: 'weekly' })
        .then((weekly) => configuration.remember(weekly))
        .catch((err: Error) => log(`weekly settings: could not read them (${err.message}); using the cached ones`))
        .finally(() => {
          if (refreshing === done) refreshing = undefined;
        });
      refreshing = done;
    },
    forget(uri) {
      if (uri === undefined) {
        configs.clear();
        asking.clear();
      } else {
        configs.delete(uri);
        asking.delete(uri);
      }
    },
  };
}

/** Settings are plain data (JSON values): equal when their JSON is. */
function sameSettings(a: WeeklyConfig, b: WeeklyConfig): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
