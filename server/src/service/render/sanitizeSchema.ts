import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * What raw HTML in an issue may keep: GitHub's own sanitation (rehype-sanitize's default schema), which is
 * what the published page will get, with a few changes, each for a reason:
 * - `picture`/`source` go: `srcset` escapes the protocol check and the remote-image switch.
 * - `action`, `method`, `encType`, `longDesc` go: forms are off and nothing should name a target URL
 *   outside `href`/`src`, which are the two attributes whose protocols are checked.
 * - `figure`, `figcaption`, `mark`, `u` come in: harmless presentational tags issues use around images.
 * `id`/`name` stay clobbered (`user-content-` prefix), so raw HTML cannot shadow page globals by name;
 * the annotate step gives Markdown headings the model's slugs and points `#x` links at `user-content-x`.
 */
const dropped = new Set(['action', 'method', 'encType', 'longDesc']);

export const issueSanitizeSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'picture' && t !== 'source'), 'figure', 'figcaption', 'mark', 'u'],
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => typeof a !== 'string' || !dropped.has(a)),
    img: (defaultSchema.attributes?.img ?? []).filter((a) => a !== 'longDesc'),
    source: [],
  },
  protocols: {
    ...defaultSchema.protocols,
    // Only links a reader's browser should follow: web pages and mail (no irc:/xmpp: handlers).
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
};
