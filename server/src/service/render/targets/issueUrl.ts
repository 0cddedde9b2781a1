/** Where an issue is on the site (`weekly.publish.baseUrl`), for the email's TOC links and the feed's items. */
import * as path from 'path';

/**
 * `{name}` in the base URL is the file's name without `.md`; a base without it is a folder, and the
 * issue is `{name}.html` in it. undefined when no base is set or the result is not a URL.
 */
export function issueUrl(baseUrl: string | undefined, filePath: string): string | undefined {
  if (!baseUrl) return undefined;
  const name = encodeURIComponent(path.basename(filePath).replace(/\.(md|markdown)$/i, ''));
  const url = baseUrl.includes('{name}') ? baseUrl.split('{name}').join(name) : `${baseUrl.replace(/\/+$/, '')}/${name}.html`;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}
