/**
 * Stands in for the package `decode-named-character-reference` in our bundles (esbuild.mjs): micromark
 * (remark's parser, used by the preview) asks it what `&name;` means. The package answers from
 * `character-entities`, a 36 KB table of the same WHATWG named references that `entities` (already in the
 * bundle for markdown-it and parse5) holds as a compact trie; answering from `entities` keeps one table in
 * the VSIX instead of two. Same contract: the name without `&` and `;`, the decoded text or `false`.
 * test/unit/bundleShims.test.ts checks every name of `character-entities` gets the same answer.
 */
import { decodeHTMLStrict } from 'entities';

const NAME = /^[A-Za-z][A-Za-z\d]*$/;

export function decodeNamedCharacterReference(value: string): string | false {
  if (!NAME.test(value)) return false;
  const reference = `&${value};`;
  const decoded = decodeHTMLStrict(reference);
  return decoded === reference ? false : decoded;
}
