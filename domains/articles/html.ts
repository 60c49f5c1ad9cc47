import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/**
 * Article text as it is stored: claim offsets index into it, so everything that changes text
 * happens here, once, before storing. Paragraphs are separated by one blank line (what
 * lib/text/highlight.ts `paragraphRanges` splits on); lines inside a paragraph by a newline.
 */

/** Plain text (pasted, or a .txt or .md file, kept as written): line endings become \n, no byte-order mark, no blank edges. */
export function normalisePlainText(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").trim();
}

/** Never part of the article's text. */
const DROPPED_ELEMENTS = new Set([
  "HEAD", "TITLE", "META", "LINK", "BASE", "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE",
  "IFRAME", "OBJECT", "EMBED", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "IMG", "PICTURE",
  "NAV", "ASIDE", "FORM", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "DIALOG",
]);
/** Landmarks and widgets around an article, not in it: navigation, the site's banner and footer, consent pop-ups. */
const DROPPED_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"]);
/** A header or footer inside these belongs to that part of the page (an article's own header); elsewhere it is the site's. */
const SECTIONING = "article, main, section";

/** Elements that start and end a paragraph. */
const PARAGRAPH_ELEMENTS = new Set([
  "P", "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "ADDRESS", "BLOCKQUOTE", "PRE", "FIGURE",
  "FIGCAPTION", "H1", "H2", "H3", "H4", "H5", "H6", "HGROUP", "UL", "OL", "DL", "TABLE", "CAPTION", "DETAILS",
  "SUMMARY", "FIELDSET", "LEGEND", "HR", "CENTER",
]);
/** Elements that sit on their own line inside a paragraph (a list, a table). */
const LINE_ELEMENTS = new Set(["LI", "DT", "DD", "TR"]);
const CELL_ELEMENTS = new Set(["TD", "TH"]);

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_TYPE_NODE = 10;

/** HTML's own whitespace (not the no-break space, which is text). */
const COLLAPSIBLE_WHITESPACE = /[ \t\n\f\r]+/g;

function isDropped(element: Element): boolean {
  if (DROPPED_ELEMENTS.has(element.tagName)) return true;
  if (element.hasAttribute("hidden") || element.getAttribute("aria-hidden") === "true") return true;
  const role = element.getAttribute("role");
  if (role !== null && DROPPED_ROLES.has(role.trim().toLowerCase())) return true;
  return (element.tagName === "HEADER" || element.tagName === "FOOTER") && element.parentElement?.closest(SECTIONING) == null;
}

function removeDropped(root: Element): void {
  for (const element of [...root.querySelectorAll("*")]) {
    if (element.isConnected && isDropped(element)) element.remove();
  }
}

/**
 * A document with a body, whatever was pasted: a whole page, a page without <body>, or a fragment.
 * linkedom keeps the markup's own shape (it does not add the <html> and <body> a browser would), so
 * anything that is not a complete page is moved into one.
 */
function loadDocument(html: string): Document {
  const parsed = parseHTML(html.trim()).document as unknown as Document;
  const root = parsed.documentElement as Element | null;
  if (root?.tagName === "HTML" && [...root.children].some((child) => child.tagName === "BODY")) return parsed;
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const page = document as unknown as Document;
  const unwrap = (nodes: ChildNode[]): ChildNode[] =>
    nodes.flatMap((node) => {
      if (node.nodeType === DOCUMENT_TYPE_NODE) return [];
      if (node.nodeType !== ELEMENT_NODE) return [node];
      const { tagName } = node as Element;
      if (tagName === "HEAD") return [];
      return tagName === "HTML" || tagName === "BODY" ? unwrap([...node.childNodes]) : [node];
    });
  page.body.append(...unwrap([...parsed.childNodes]));
  return page;
}

/** Collects text into paragraphs of lines, collapsing whitespace as a browser renders it. */
class TextCollector {
  private readonly paragraphs: string[] = [];
  private lines: string[] = [];
  private line = "";

  text(raw: string, preformatted: boolean): void {
    if (preformatted) {
      const [first = "", ...rest] = raw.split("\n");
      this.line += first;
      for (const piece of rest) {
        this.lineBreak(true);
        this.line += piece;
      }
      return;
    }
    const collapsed = raw.replace(COLLAPSIBLE_WHITESPACE, " ");
    this.line += this.line.endsWith(" ") && collapsed.startsWith(" ") ? collapsed.slice(1) : collapsed;
  }

  /** A <br> always breaks the line (two make an empty line, which ends the paragraph); a block edge only ends a line that has text. */
  lineBreak(hard = false): void {
    const line = this.line.trim();
    this.line = "";
    if (hard || line !== "") this.lines.push(line);
  }

  /** Ends the paragraph; empty lines inside it (from <br><br>) split it too. */
  paragraphBreak(): void {
    this.lineBreak();
    let current: string[] = [];
    for (const line of [...this.lines, ""]) {
      if (line !== "") {
        current.push(line);
      } else if (current.length > 0) {
        this.paragraphs.push(current.join("\n"));
        current = [];
      }
    }
    this.lines = [];
  }

  result(): string {
    this.paragraphBreak();
    return this.paragraphs.join("\n\n");
  }
}

interface WalkContext {
  /** Inside a list item or table cell: its blocks are lines, not paragraphs of their own. */
  inLine: boolean;
  preformatted: boolean;
}

function walk(node: Node, collector: TextCollector, context: WalkContext): void {
  if (node.nodeType === TEXT_NODE) {
    collector.text(node.nodeValue ?? "", context.preformatted);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const element = node as Element;
  if (isDropped(element)) return;
  const tag = element.tagName;
  if (tag === "BR") {
    collector.lineBreak(true);
    return;
  }
  const children = (inner: WalkContext) => {
    for (const child of [...element.childNodes]) walk(child, collector, inner);
  };
  if (LINE_ELEMENTS.has(tag) || (PARAGRAPH_ELEMENTS.has(tag) && context.inLine)) {
    collector.lineBreak();
    if (tag === "LI") collector.text(listMarker(element), true);
    children({ ...context, inLine: true });
    collector.lineBreak();
    return;
  }
  if (PARAGRAPH_ELEMENTS.has(tag)) {
    collector.paragraphBreak();
    children({ ...context, preformatted: context.preformatted || tag === "PRE" });
    collector.paragraphBreak();
    return;
  }
  if (CELL_ELEMENTS.has(tag)) {
    const previous = element.previousElementSibling;
    if (previous && CELL_ELEMENTS.has(previous.tagName)) collector.text(" | ", true);
    children({ ...context, inLine: true });
    return;
  }
  children(context);
}

/** "- " in a bulleted list, "3. " for the third item of a numbered one (counting from its `start`). */
function listMarker(item: Element): string {
  const list = item.parentElement;
  if (list?.tagName !== "OL") return "- ";
  const start = Number.parseInt(list.getAttribute("start") ?? "1", 10);
  const position = [...list.children].filter((child) => child.tagName === "LI").indexOf(item);
  return `${(Number.isFinite(start) ? start : 1) + position}. `;
}

function textOf(root: Node): string {
  const collector = new TextCollector();
  walk(root, collector, { inLine: false, preformatted: false });
  return collector.result();
}

/**
 * The readable text of an HTML page or fragment: @mozilla/readability finds the article (dropping
 * menus, sidebars, comments and share widgets by its own scoring), after navigation, the site's
 * header and footer, scripts, styles, forms and hidden or dialog elements are removed. The text keeps
 * the article's structure: a blank line between paragraphs, headings as paragraphs of their own,
 * each list item and table row on its own line, a line break for <br>. Entities are decoded and
 * whitespace inside a paragraph collapses to single spaces, as a browser shows it. Empty when the
 * HTML holds no text.
 */
export function htmlToArticleText(html: string): string {
  const document = loadDocument(html);
  removeDropped(document.body);
  const article = new Readability(document, { serializer: (node) => node }).parse();
  const text = article?.content ? textOf(article.content) : "";
  // A parser may decode &#0; or a lone surrogate's reference: neither can be stored as it is.
  return text.replaceAll("\u0000", "\uFFFD").toWellFormed();
}
