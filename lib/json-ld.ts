/**
 * JSON for a `<script type="application/ld+json">` element. The HTML parser ends a script element at
 * the first `</script` whatever JSON thinks of it, and `<!--` changes how it looks for that end, so
 * every "<" is written as the JSON escape \u003c: the text can then never close or alter the element,
 * and JSON.parse gives back exactly the same value.
 */
export function jsonLdScriptText(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
