/**
 * Whether a sentence carries Markdown or link syntax. Text pasted from a page or a Markdown file keeps
 * it ("Translated by **International Viewpoint** from [l'Anticapitaliste](#)." in the seed article), and
 * a claim quoting it would quote the markup: such a sentence is never suggested, whatever its signals.
 * An editor can still select it by hand.
 *
 * What counts, each seen in pasted articles:
 * - a Markdown link, image or reference (`[text](url)`, `![alt](src)`, `[text][ref]`);
 * - a web address (`https://…`, `www.…`, `<https://…>`) or an HTML link (`href=`): a claim's words are
 *   the article's, not an address;
 * - emphasis and code markers: an asterisk, `__`, `~~`, a backtick, or `_words_` (an underscore inside a
 *   word, as in a handle, is no emphasis);
 * - a heading marker (`# `) at the start of a line.
 * A list item's "- " is not markup here: HTML lists are imported that way.
 *
 * Every pattern is a plain scan (no nested repetition) over a sentence of at most MAX_SENTENCE_LENGTH
 * characters (segment.ts), so the check costs time linear in the sentence.
 */
const LINK_SYNTAX = /\]\(|\]\[|!\[|https?:\/\/|\bwww\.[\p{L}\p{N}]|\bhref\s*=/iu;
const EMPHASIS_OR_CODE = /[*`]|__|~~|(?<![\p{L}\p{N}_])_[^\s_][^_\n]*_(?![\p{L}\p{N}_])/u;
const HEADING_MARKER = /(?:^|\n)[^\S\n]*#{1,6}\s/;

export function hasMarkupOrLinkSyntax(sentence: string): boolean {
  return LINK_SYNTAX.test(sentence) || EMPHASIS_OR_CODE.test(sentence) || HEADING_MARKER.test(sentence);
}
