import { XMLBuilder } from "fast-xml-parser";

/**
 * Characters XML 1.0 forbids anywhere in a document, even escaped (most C0 controls, lone surrogates,
 * U+FFFE and U+FFFF). The database keeps whatever text the desk typed or imported; a feed or sitemap
 * carrying one of these would be refused whole by a strict reader, so they are dropped.
 */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, "");
}

/** Every string of a document tree, made safe for XML; numbers and booleans stay as they are. */
function withXmlSafeText(value: unknown): unknown {
  if (typeof value === "string") return xmlSafeText(value);
  if (Array.isArray(value)) return value.map(withXmlSafeText);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withXmlSafeText(inner)]));
  }
  return value;
}

// suppressBooleanAttributes off: the builder would otherwise write an attribute whose value is "true"
// (the verdict True, as a category term) as a bare name, which is not XML.
const OPTIONS = { ignoreAttributes: false, attributeNamePrefix: "@_", suppressBooleanAttributes: false } as const;
const builder = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: true });

/**
 * An XML document (with its declaration) from a tree in fast-xml-parser's shape: `{ element: { "@_attr":
 * "value", child: "text", repeated: [..] } }`. The builder escapes &, <, >, quotes and apostrophes in
 * text and attributes; characters XML cannot carry at all are removed first.
 */
export function buildXmlDocument(tree: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(withXmlSafeText(tree))}`;
}

const elementBuilder = new XMLBuilder({ ...OPTIONS, suppressEmptyNode: false });

/**
 * One element with attributes and no content, with its end tag (`<iframe src="…"></iframe>`), the
 * attribute values escaped: markup that is both HTML and XML, for an HTML snippet given to other sites.
 */
export function emptyElementMarkup(name: string, attributes: Record<string, string | number>): string {
  const prefixed = Object.fromEntries(Object.entries(attributes).map(([key, value]) => [`@_${key}`, value]));
  return elementBuilder.build(withXmlSafeText({ [name]: { ...prefixed, "#text": "" } }));
}
