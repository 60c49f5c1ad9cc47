import { Readability } from "@mozilla/readability";
import { Parser } from "htmlparser2";
import { parseHTML } from "linkedom";
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, MAX_HTML_NESTING_LOAD } from "./limits";

/**
 * Article text as it is stored: claim offsets index into it, so everything that changes text
 * happens here, once, before storing. Paragraphs are separated by one blank line (what
 * lib/text/highlight.ts `paragraphRanges` splits on); lines inside a paragraph by a newline.
 */

/** Plain text (pasted, or a .txt or .md file, kept as written): line endings become \n, no byte-order mark, no blank edges. */
export function normalisePlainText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
}

/** Never part of the article's text. */
const DROPPED_ELEMENTS = new Set([
  "HEAD",
  "TITLE",
  "META",
  "LINK",
  "BASE",
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "SVG",
  "MATH",
  "CANVAS",
  "VIDEO",
  "AUDIO",
  "IMG",
  "PICTURE",
  "NAV",
  "ASIDE",
  "FORM",
  "BUTTON",
  "INPUT",
  "SELECT",
  "TEXTAREA",
  "DIALOG",
]);
/** Landmarks and widgets around an article, not in it: navigation, the site's banner and footer, consent pop-ups. */
const DROPPED_ROLES = new Set([
  "navigation",
  "banner",
  "contentinfo",
  "complementary",
  "search",
  "dialog",
  "alertdialog",
  "menu",
  "menubar",
]);
/** A header or footer inside these belongs to that part of the page (an article's own header); elsewhere it is the site's. */
const SECTIONING = "article, main, section";

/** Elements that start and end a paragraph. */
const PARAGRAPH_ELEMENTS = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "MAIN",
  "HEADER",
  "FOOTER",
  "ADDRESS",
  "BLOCKQUOTE",
  "PRE",
  "FIGURE",
  "FIGCAPTION",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HGROUP",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "CAPTION",
  "DETAILS",
  "SUMMARY",
  "FIELDSET",
  "LEGEND",
  "HR",
  "CENTER",
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
  return (
    (element.tagName === "HEADER" || element.tagName === "FOOTER") && element.parentElement?.closest(SECTIONING) == null
  );
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
  const parsed = parseHTML(html).document as unknown as Document;
  const root = parsed.documentElement as Element | null;
  if (root?.tagName === "HTML" && [...root.children].some((child) => child.tagName === "BODY")) return parsed;
  const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
  const page = document as unknown as Document;
  // <html> and <body> (nested in one another any number of times) give their children; a stack keeps the order.
  const kept: ChildNode[] = [];
  const pending = [...parsed.childNodes].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.nodeType === DOCUMENT_TYPE_NODE) continue;
    const tagName = node.nodeType === ELEMENT_NODE ? (node as Element).tagName : "";
    if (tagName === "HTML" || tagName === "BODY") pending.push(...[...node.childNodes].reverse());
    else if (tagName !== "HEAD") kept.push(node);
  }
  page.body.append(...kept);
  return page;
}

/** The options linkedom's parseHTML gives htmlparser2: the scan below then sees the very elements the document will hold. */
const LINKEDOM_PARSER_OPTIONS = { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false };

/** Stops the scan at the first limit passed: the rest of the markup need not be read. */
const PAST_A_LIMIT = Symbol("past a limit");

const READ_ONLY_PART = "Paste the article's own part of the page, or its text.";

/**
 * Why this HTML is refused before any document is built from it, or null. Reading it into a document
 * and finding its article grow faster than its size with the depth of its elements (a megabyte of
 * nested <div>s took minutes, then overflowed the stack), so the markup is first scanned as a stream
 * of tags with htmlparser2, the parser linkedom builds its documents with, with the same options: the
 * depth counted is the depth the document will have (implied closes, unclosed tags and tags written
 * `<div/>`, which HTML does not close, included). The scan stops at the first limit passed, so it
 * never holds more than MAX_HTML_DEPTH open elements and its time grows with the size of the markup only.
 */
function structureProblem(html: string): string | null {
  let depth = 0;
  let elements = 0;
  let nestingLoad = 0;
  let problem: string | null = null;
  const refuse = (message: string): never => {
    problem = message;
    throw PAST_A_LIMIT;
  };
  const scanner = new Parser(
    {
      onopentag() {
        depth += 1;
        elements += 1;
        nestingLoad += depth * depth;
        if (depth > MAX_HTML_DEPTH) {
          refuse(
            `This HTML nests elements more than ${MAX_HTML_DEPTH} levels deep; no article needs that. ${READ_ONLY_PART}`,
          );
        }
        if (elements > MAX_HTML_ELEMENTS) {
          refuse(
            `This HTML has more than ${MAX_HTML_ELEMENTS.toLocaleString("en")} elements, too many to find its article in. ${READ_ONLY_PART}`,
          );
        }
        if (nestingLoad > MAX_HTML_NESTING_LOAD) {
          refuse(`This HTML nests too many of its elements too deeply to find its article in. ${READ_ONLY_PART}`);
        }
      },
      onclosetag() {
        depth -= 1;
      },
    },
    LINKEDOM_PARSER_OPTIONS,
  );
  try {
    scanner.end(html);
  } catch (error) {
    if (error !== PAST_A_LIMIT) throw error;
  }
  return problem;
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

/** A node still to read, or what to do once an element's children are read. */
type WalkStep = { node: Node; context: WalkContext } | (() => void);

/** "3. " for the third item of a numbered list (counting from its `start`): every item of the list in one pass over it. */
function numberListItems(list: Element, markers: Map<Element, string>): void {
  const start = Number.parseInt(list.getAttribute("start") ?? "1", 10);
  let number = Number.isFinite(start) ? start : 1;
  for (const child of list.children) {
    if (child.tagName === "LI") markers.set(child, `${number++}. `);
  }
}

/**
 * The text of a document tree, in document order. An explicit stack instead of recursion: the walk's
 * depth is not the call stack's, whatever the depth of the tree.
 */
function textOf(root: Node): string {
  const collector = new TextCollector();
  const listMarkers = new Map<Element, string>();
  const steps: WalkStep[] = [{ node: root, context: { inLine: false, preformatted: false } }];
  const readChildren = (element: Element, context: WalkContext, after?: () => void) => {
    if (after) steps.push(after);
    const children = [...element.childNodes];
    for (let index = children.length - 1; index >= 0; index--) steps.push({ node: children[index]!, context });
  };
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if (typeof step === "function") {
      step();
      continue;
    }
    const { node, context } = step;
    if (node.nodeType === TEXT_NODE) {
      collector.text(node.nodeValue ?? "", context.preformatted);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    if (isDropped(element)) continue;
    const tag = element.tagName;
    if (tag === "BR") {
      collector.lineBreak(true);
    } else if (LINE_ELEMENTS.has(tag) || (PARAGRAPH_ELEMENTS.has(tag) && context.inLine)) {
      collector.lineBreak();
      if (tag === "LI") {
        const list = element.parentElement;
        if (list?.tagName === "OL" && !listMarkers.has(element)) numberListItems(list, listMarkers);
        collector.text(listMarkers.get(element) ?? "- ", true);
      }
      readChildren(element, { ...context, inLine: true }, () => collector.lineBreak());
    } else if (PARAGRAPH_ELEMENTS.has(tag)) {
      collector.paragraphBreak();
      readChildren(element, { ...context, preformatted: context.preformatted || tag === "PRE" }, () =>
        collector.paragraphBreak(),
      );
    } else if (CELL_ELEMENTS.has(tag)) {
      const previous = element.previousElementSibling;
      if (previous && CELL_ELEMENTS.has(previous.tagName)) collector.text(" | ", true);
      readChildren(element, { ...context, inLine: true });
    } else {
      readChildren(element, context);
    }
  }
  return collector.result();
}

/**
 * The readable text of an HTML page or fragment: @mozilla/readability finds the article (dropping
 * menus, sidebars, comments and share widgets by its own scoring), after navigation, the site's
 * header and footer, scripts, styles, forms and hidden or dialog elements are removed. The text keeps
 * the article's structure: a blank line between paragraphs, headings as paragraphs of their own,
 * each list item and table row on its own line, a line break for <br>. Entities are decoded and
 * whitespace inside a paragraph collapses to single spaces, as a browser shows it. Empty when the
 * HTML holds no text. Refused, with the reason, when the markup is past the limits `structureProblem`
 * checks: no document is built from it then.
 */
export function htmlToArticleText(html: string): { text: string } | { refused: string } {
  const markup = html.trim();
  const problem = structureProblem(markup);
  if (problem !== null) return { refused: problem };
  const document = loadDocument(markup);
  removeDropped(document.body);
  const article = new Readability(document, { serializer: (node) => node }).parse();
  const text = article?.content ? textOf(article.content) : "";
  // A parser may decode &#0; or a lone surrogate's reference: neither can be stored as it is.
  return { text: text.replaceAll("\u0000", "\uFFFD").toWellFormed() };
}
