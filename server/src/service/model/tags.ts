/**
 * Tags are `#` followed by Unicode letters, digits, marks, `-`, `_`, `+` or `.`, at the start of the text
 * or after a space or a separator (a tag right after `：` counts). A trailing `.` ends a sentence, not a tag.
 * Hand-written: no Markdown library knows this newsletter convention.
 */
const TAG = /(^|[\s:：,，、;；(（])#([\p{L}\p{N}\p{M}_+.-]+)/gu;

export interface FoundTag {
  name: string;
  /** Offset of the `#`. */
  start: number;
  end: number;
}

export function findTags(text: string): FoundTag[] {
  const out: FoundTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const name = m[2].replace(/\.+$/, '');
    if (!name) continue;
    const start = m.index + m[1].length;
    out.push({ name, start, end: start + 1 + name.length });
  }
  return out;
}

/** Whether `name` would be read back as exactly one whole tag. */
export function isValidTagName(name: string): boolean {
  const found = findTags('#' + name);
  return found.length === 1 && found[0].name === name;
}
