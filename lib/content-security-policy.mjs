// @ts-check
/**
 * The Content-Security-Policy of every page, around what allows its scripts and style elements: desk
 * pages get a per-request nonce (proxy.ts), cached readers' pages the hashes of what they contain
 * (lib/cache/handler.mjs). Style attributes are allowed (`style-src-attr`): the progress bar and the
 * skeletons set a width with `style`, which a nonce or a hash cannot cover; an attribute can restyle
 * its element but, unlike a style element, cannot select others to read them out.
 * Plain JavaScript: the cache handler, which Next loads outside its bundles, imports it too.
 *
 * @param {{ scriptSources: string[], styleSources: string[], frameAncestors: string }} page
 */
export function contentSecurityPolicy({ scriptSources, styleSources, frameAncestors }) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptSources].join(" "),
    ["style-src 'self'", ...styleSources].join(" "),
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}
