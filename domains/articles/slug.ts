const MAX_SLUG_LENGTH = 80;
/** For a title with no Latin letter or digit to keep (Arabic, say). */
const FALLBACK_SLUG = "article";

/** "L'été à Bamako: 38 % de plus" -> "l-ete-a-bamako-38-de-plus": lowercase ASCII words joined by dashes, cut at a word. */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const longer = slug === "" ? word : `${slug}-${word}`;
    if (longer.length > MAX_SLUG_LENGTH) break;
    slug = longer;
  }
  return slug || words[0]?.slice(0, MAX_SLUG_LENGTH) || FALLBACK_SLUG;
}

/** The slug itself when free, else the first of `slug-2`, `slug-3`… that `taken` does not hold. */
export function firstFreeSlug(slug: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(slug)) return slug;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${slug}-${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
