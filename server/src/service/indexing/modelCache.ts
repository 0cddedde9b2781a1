/**
 * One cache of built models of the workspace's files, shared by the workspace index (which builds shallow
 * models of files on disk), the navigation features (other files' full models: references, renames) and
 * the file-link lookups (other files' anchors, which a shallow model answers).
 *
 * Eviction: a file has one slot, holding the models of one text under one slug style and presets (asked
 * with another text, as after the file changed, the slot is rebuilt); a full model also answers shallow
 * requests. At most `maxFiles` slots are kept, the least recently used going first, and the index
 * forgets a file's slot when the file leaves it. The index's own reads do not fill it (`modelFor`): a
 * build reads every file once, and holding hundreds of models while it runs cost more in garbage
 * collection (~350 ms per 1,000 issues here) than the later lookups gain.
 */
import type { IssueLanguage, LanguagePreset } from '../config/weeklyConfig';
import { buildIssueModel, sectionCountOf } from '../model/issueModel';
import type { FactDepth } from '../model/parseFacts';
import { SectionCache } from '../model/sectionCache';
import type { IssueModel } from '../model/types';
import type { SlugStyle } from '../slug';

export interface ModelSettings {
  slugStyle: SlugStyle;
  presets: Record<IssueLanguage, LanguagePreset>;
}

interface Slot {
  text: string;
  slugStyle: string;
  presets: Record<IssueLanguage, LanguagePreset>;
  shallow?: IssueModel;
  full?: IssueModel;
}

export class ModelCache {
  private readonly slots = new Map<string, Slot>();
  // Their own section caches: other files' sections must not crowd the open documents' out of the
  // language service's. Shallow models are of files read once per build: their sections are not kept.
  private readonly sections = { full: new SectionCache(2_000, 'full'), shallow: new SectionCache(0, 'shallow') };

  constructor(private readonly maxFiles = 256) {}

  /** The model of `uri` at `text`, at least as deep as `depth`: cached, or built and cached. */
  get(uri: string, text: string, settings: ModelSettings, depth: FactDepth): IssueModel {
    let slot = this.slots.get(uri);
    if (slot && (slot.text !== text || slot.slugStyle !== settings.slugStyle.id || slot.presets !== settings.presets)) slot = undefined;
    if (slot) this.slots.delete(uri); // re-inserted below: most recently used last
    slot ??= { text, slugStyle: settings.slugStyle.id, presets: settings.presets };
    this.slots.set(uri, slot);
    if (this.slots.size > this.maxFiles) this.slots.delete(this.slots.keys().next().value!);
    const cached = depth === 'full' ? slot.full : slot.full ?? slot.shallow;
    if (cached) return cached;
    const model = buildIssueModel(text, { slugStyle: settings.slugStyle, presets: settings.presets, cache: this.sections[depth] });
    slot[depth] = model;
    if (depth === 'full') this.sections.full.setLiveSections(this.fullSections());
    return model;
  }

  /**
   * Sections of the full models held: their section cache keeps twice that and a little history, as the
   * language service's does, rather than up to 2,000 superseded sections of files whose models were rebuilt
   * (find-references builds full models of other files; an open file edited between two of them adds a version).
   */
  private fullSections(): number {
    let count = 0;
    for (const slot of this.slots.values()) if (slot.full) count += sectionCountOf(slot.full);
    return count;
  }

  /** The cached model of `uri` at `text` if there is one deep enough, else one built for the caller alone. */
  modelFor(uri: string, text: string, settings: ModelSettings, depth: FactDepth): IssueModel {
    const slot = this.slots.get(uri);
    if (slot && slot.text === text && slot.slugStyle === settings.slugStyle.id && slot.presets === settings.presets) {
      const cached = depth === 'full' ? slot.full : slot.full ?? slot.shallow;
      if (cached) return cached;
    }
    return buildIssueModel(text, { slugStyle: settings.slugStyle, presets: settings.presets, cache: this.sections[depth] });
  }

  /** Drops a file's models (it left the workspace index). */
  forget(uri: string): void {
    this.slots.delete(uri);
  }

  get size(): number {
    return this.slots.size;
  }
}
