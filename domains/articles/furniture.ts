/**
 * Page furniture: lines a web page puts around every article, copied along with it when an article
 * is pasted or reduced from HTML. A real import (International Viewpoint, the seed article's source)
 * carried its address alone on a line, a copyright line and a paragraph asking for donations through
 * a "[Donate](#)" link; none of it is the article, and the claim suggestions read it as prose.
 *
 * The rules are conservative: a line goes only when the whole of it is furniture, never because a
 * word appears in it, so real content stays. A sentence naming a web address mid-text stays; so do
 * a line about copyright law ("Copyright holders sued…"), a paragraph about donors, a translation
 * credit and Markdown kept as written. Each rule reads one line and its regular expressions have no
 * nested repetition, so the whole text is read in time linear in its length.
 */

/** A line that is a web address and nothing else, bare or in <angle brackets>. */
const BARE_ADDRESS = /^<?(?:https?:\/\/|www\.)[^\s<>]+>?$/i;

/** Copyright and rights notices are short; a longer line is prose that mentions them. */
const MAX_NOTICE_LENGTH = 200;
/** "© 2024 …", "Copyright © …", "Copyright (c) …", "(c) 2024 …", "Copyright 2024 …": a notice, not a sentence about copyright. */
const COPYRIGHT_NOTICE = /^(?:©|copyright\s*(?:©|\(c\)|\d{4})|\(c\)\s*\d{4})/i;
const RIGHTS_RESERVED = /\b(?:all rights reserved|tous droits réservés)\b/i;

/** A site's call for money, as a button or a link's text: the line is furniture if it holds such a link or is only the call. */
const DONATION_CALLS = new Set([
  "donate",
  "donate now",
  "donate today",
  "make a donation",
  "support us",
  "faire un don",
  "je fais un don",
  "soutenez-nous",
]);
/** A Markdown link's text, `[text](`, up to a length a button's label has. */
const MARKDOWN_LINK_TEXT = /\[([^\]\n]{1,40})\]\(/g;
const NOT_LETTERS = /[^\p{L}\s-]+/gu;

/** "PS:", "P.S.": kept unless what it introduces is dropped, when it would dangle alone. */
const POSTSCRIPT_LABEL = /^p\.?\s?s\.?\s*:?$/i;

function isDonationCall(text: string): boolean {
  return DONATION_CALLS.has(text.replace(NOT_LETTERS, " ").trim().replace(/\s+/g, " ").toLowerCase());
}

function linksToDonate(line: string): boolean {
  if (!line.includes("](")) return false;
  for (const link of line.matchAll(MARKDOWN_LINK_TEXT)) if (isDonationCall(link[1]!)) return true;
  return false;
}

/** Whether the whole line (trimmed) is page furniture. */
export function isPageFurniture(line: string): boolean {
  const text = line.trim();
  if (text === "") return false;
  if (BARE_ADDRESS.test(text)) return true;
  if (text.length <= MAX_NOTICE_LENGTH && (COPYRIGHT_NOTICE.test(text) || RIGHTS_RESERVED.test(text))) return true;
  return (text.length <= MAX_NOTICE_LENGTH && isDonationCall(text)) || linksToDonate(text);
}

/**
 * The text without its page furniture lines (see isPageFurniture), with the blank line that separated
 * a dropped paragraph, and a "PS:" left with nothing to introduce. Every other line, and the blank
 * lines between them, are kept as they were. The text's line endings are \n (normalised before).
 */
export function withoutPageFurniture(text: string): string {
  const kept: string[] = [];
  /** Where the last kept line with text is, when it is a "PS:" label: dropped if what follows it is. */
  let postscriptLabelAt = -1;
  let droppedSinceText = false;
  /** Whether the last kept line is blank, or none is kept yet. */
  let afterBlank = true;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (isPageFurniture(line)) {
      if (postscriptLabelAt >= 0) {
        // Each line is popped at most once, so the pass stays linear.
        while (kept.length > postscriptLabelAt) kept.pop();
        afterBlank = kept.length === 0 || kept[kept.length - 1]!.trim() === "";
      }
      postscriptLabelAt = -1;
      droppedSinceText = true;
    } else if (line.trim() === "") {
      // A dropped paragraph leaves its two separators side by side: one is enough.
      if (!(droppedSinceText && afterBlank)) kept.push(line);
      afterBlank = true;
    } else {
      postscriptLabelAt = POSTSCRIPT_LABEL.test(line.trim()) ? kept.length : -1;
      droppedSinceText = false;
      afterBlank = false;
      kept.push(line);
    }
  }
  return kept.join("\n").trim();
}
