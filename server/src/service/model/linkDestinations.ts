/**
 * Where a link's or definition's destination is written in the source. markdown-it gives the resolved
 * URL but not where it stands; quick fixes need that. Hand-written: no parser reports it.
 */

/**
 * Locates the destination of an inline link `[text](dest "title")` in the source, from the end of
 * its text: quick fixes need where the URL is written, which the parser does not say.
 */
export function inlineDestination(text: string, textEnd: number, end: number): { destStart?: number; destEnd?: number } {
  let i = textEnd + 2;
  while (i < end && isDestinationSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 60 /* < */) {
    const close = text.indexOf('>', i + 1);
    return close < 0 || close > end ? {} : { destStart: i + 1, destEnd: close };
  }
  let j = i;
  let depth = 0;
  while (j < end) {
    const c = text[j];
    if (c === '\\') {
      j += 2;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) break;
      depth--;
    } else if (isDestinationEnd(text.charCodeAt(j))) break;
    j++;
  }
  return { destStart: i, destEnd: Math.min(j, end) };
}

/** The destination of a definition `[label]: dest`, from its `]:` to its end. */
export function definitionDestination(text: string, close: number, end: number): { destStart?: number; destEnd?: number } {
  if (close < 0 || close >= end) return {};
  let i = close + 2;
  while (i < end && isDestinationSpace(text.charCodeAt(i))) i++;
  if (text[i] === '<') {
    const gt = text.indexOf('>', i);
    return gt < 0 || gt > end ? {} : { destStart: i + 1, destEnd: gt };
  }
  let j = i;
  while (j < end && !isDestinationEnd(text.charCodeAt(j))) j++;
  return { destStart: i, destEnd: j };
}

/** Spaces, tabs and line breaks before a destination (CommonMark's, not Unicode's: a BOM is text). */
function isDestinationSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** What ends an unbracketed destination: an ASCII space or a control character, as markdown-it reads it. */
function isDestinationEnd(code: number): boolean {
  return code <= 0x20 || code === 0x7f;
}
