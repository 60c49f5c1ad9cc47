import { allMatches } from "./signals";

/** Offsets are UTF-16 indices into the article body (JavaScript string indices), end exclusive. */
export interface TextRange {
  start: number;
  end: number;
}

/** A blank line: a line break, optional spaces or tabs, another line break; or Unicode's paragraph separator. */
const PARAGRAPH_BREAK = /(?:\r\n|\r|\n|\u2028)[^\S\r\n\u2028\u2029]*(?:\r\n|\r|\n|\u2028)\s*|\u2029\s*/g;

/**
 * Abbreviations that end with a full stop inside a sentence, case-sensitive. ICU (behind Intl.Segmenter)
 * ends a sentence at "Mr. Smith" or "M. Dupont" because Intl exposes no abbreviation list. "etc." is left
 * out on purpose: before a capital it usually does end the sentence, and before a lower-case word the
 * continuation rule below keeps the sentence whole anyway. Words that are also ordinary words ("art",
 * "vol", "fig") are left out too: a sentence really ends at "modern art." A single capital letter is taken
 * for an initial ("J. R. Smith"), so "Plan B. Then" stays one sentence.
 */
const ABBREVIATIONS = [
  "Mr",
  "Mrs",
  "Ms",
  "Messrs",
  "Dr",
  "Prof",
  "Sr",
  "Jr",
  "St",
  "Mt",
  "Gen",
  "Col",
  "Lt",
  "Capt",
  "Sgt",
  "Cmdr",
  "Gov",
  "Sen",
  "Rep",
  "Pres",
  "Rev",
  "Hon",
  "No",
  "Nos",
  "vs",
  "approx",
  "Inc",
  "Ltd",
  "Co",
  "Corp",
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
  "p",
  "pp",
  "M",
  "MM",
  "Mme",
  "Mmes",
  "Mlle",
  "Mlles",
  "Me",
  "Mgr",
  "Pr",
  "Ste",
  "av",
  "apr",
  "cf",
  "env",
];
const ENDS_WITH_ABBREVIATION = new RegExp(
  `(?<![\\p{L}\\p{M}.])(?:(?:${ABBREVIATIONS.join("|")})|\\p{Lu}|(?:\\p{L}\\.)+\\p{L})\\.$`,
  "u",
);

/** Closing marks that French typography separates from the sentence by a space ("partons. » Puis"). */
const CLOSING_MARKS = new Set(["»", "”", "›", ")", "]"]);
const STARTS_LIKE_CONTINUATION = /^[\p{Ll},;:)\]]/u;

/** Paragraphs of the body, trimmed; a suggestion never leaves its paragraph. */
export function paragraphRanges(body: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  for (const match of body.matchAll(PARAGRAPH_BREAK)) {
    pushTrimmed(body, { start, end: match.index }, ranges);
    start = match.index + match[0].length;
  }
  pushTrimmed(body, { start, end: body.length }, ranges);
  return ranges;
}

/**
 * The longest sentence the signals are searched in, in UTF-16 units. The longest real sentence of the seed article
 * has 375 and of the French fixture 134; news prose rarely goes past 600. A longer "sentence" is a paragraph without
 * full stops, hard-wrapped lines that continue one another, or a run of spaces, digits or punctuation: it is cut into
 * pieces of at most this length at the last whitespace before the limit, so no pattern ever runs on more than this
 * many characters, whatever the body holds, and the engine's time stays linear in the body's length.
 */
export const MAX_SENTENCE_LENGTH = 1200;

/**
 * Sentences of the body, trimmed, in order, each inside one paragraph and at most MAX_SENTENCE_LENGTH long.
 * Intl.Segmenter does the splitting; then three repairs for what ICU gets wrong: a sentence ending in an
 * abbreviation or an initial joins the next one, a closing quotation mark or bracket pushed to the next sentence
 * (French spacing) goes back to its own, and a "sentence" starting in lower case or with punctuation continues the
 * previous one.
 */
export function sentenceRanges(body: string, language: string): TextRange[] {
  const segmenter = sentenceSegmenter(language);
  return paragraphRanges(body).flatMap((paragraph) => [...paragraphSentences(body, paragraph, segmenter)]);
}

export function sentenceSegmenter(language: string): Intl.Segmenter {
  return new Intl.Segmenter(segmenterLocale(language), { granularity: "sentence" });
}

/**
 * The sentences of one paragraph (see sentenceRanges), one at a time so that a caller can pause between them. Between
 * two sentences the work is bounded: one segmenter window at most, and a sentence that keeps growing is cut as soon as
 * it is longer than MAX_SENTENCE_LENGTH, not at its end.
 */
export function* paragraphSentences(
  body: string,
  paragraph: TextRange,
  segmenter: Intl.Segmenter,
): Generator<TextRange> {
  const text = body.slice(paragraph.start, paragraph.end);
  let current: TextRange | undefined;
  for (const { start, end } of icuSentences(segmenter, text)) {
    const piece = { start: paragraph.start + start, end: paragraph.start + end };
    if (!current) {
      current = piece;
    } else {
      piece.start = giveBackClosingMarks(body, current, piece);
      const continues = continuesSentence(body, current, piece);
      if (continues) current.end = piece.end;
      yield* cutOffLongStart(body, current);
      if (continues) continue;
      const sentence = trimmed(body, current);
      if (sentence) yield sentence;
      current = piece;
    }
  }
  if (current) {
    yield* cutOffLongStart(body, current);
    const sentence = trimmed(body, current);
    if (sentence) yield sentence;
  }
}

/** The piece ICU made is no sentence of its own: blank, after an abbreviation or an initial, or starting in lower case. */
function continuesSentence(body: string, previous: TextRange, piece: TextRange): boolean {
  const rest = body.slice(piece.start, piece.end).trimStart();
  return rest === "" || STARTS_LIKE_CONTINUATION.test(rest) || endsWithAbbreviation(body, previous);
}

/**
 * Cuts pieces of at most MAX_SENTENCE_LENGTH off the start of a sentence while it is longer than that, each at the
 * last whitespace before the limit (or at the limit when there is none, never between the halves of a surrogate
 * pair), and moves the sentence's start past them. What is cut off no longer depends on how the sentence ends.
 */
function cutOffLongStart(body: string, sentence: TextRange): TextRange[] {
  const pieces: TextRange[] = [];
  while (sentence.end - sentence.start > MAX_SENTENCE_LENGTH) {
    const limit = sentence.start + MAX_SENTENCE_LENGTH;
    let cut = limit;
    while (cut > sentence.start && !/\s/.test(body[cut]!)) cut--;
    if (cut === sentence.start) cut = /[\uD800-\uDBFF]/.test(body[limit - 1]!) ? limit - 1 : limit;
    pushTrimmed(body, { start: sentence.start, end: cut }, pieces);
    sentence.start = cut;
  }
  return pieces;
}

/**
 * V8's segment iterator costs time in proportion to the whole string at every step, so a long paragraph
 * of many sentences would take quadratic time (seconds for 100,000 characters). Segmenting windows of a
 * few thousand characters, each restarting at the last sentence the previous window could not finish,
 * gives the same sentences in linear time. A "sentence" longer than a window is cut at its end. Segments
 * are read one by one, never a whole window at once, so a caller can pause between any two.
 */
function* icuSentences(segmenter: Intl.Segmenter, text: string): Generator<TextRange> {
  let offset = 0;
  while (offset < text.length) {
    let windowEnd = Math.min(offset + SEGMENTER_WINDOW, text.length);
    if (windowEnd < text.length && /[\uD800-\uDBFF]/.test(text[windowEnd - 1]!)) windowEnd--;
    const window = text.slice(offset, windowEnd);
    const isLastWindow = offset + window.length >= text.length;
    let last: Intl.SegmentData | undefined;
    let count = 0;
    for (const segment of segmenter.segment(window)) {
      if (last) yield { start: offset + last.index, end: offset + last.index + last.segment.length };
      last = segment;
      count++;
    }
    // The window's last sentence may be cut short by the window: the next window starts with it, unless the text
    // ends here or the window holds nothing else.
    if (isLastWindow || count === 1) {
      yield { start: offset + last!.index, end: offset + last!.index + last!.segment.length };
      offset += last!.index + last!.segment.length;
    } else {
      offset += last!.index;
    }
  }
}

/**
 * Twice the longest sentence kept whole, so ICU sees every such sentence entire; small, because ICU's cost per
 * sentence grows with the window and a body can hold 60,000 one-word sentences.
 */
const SEGMENTER_WINDOW = 2 * MAX_SENTENCE_LENGTH;

/**
 * Clauses of a sentence that can stand alone as claims: cut at semicolons and before a contrasting
 * conjunction that follows a comma (", while", ", whereas", ", but", ", tandis que", ", alors que",
 * ", mais"). Concessive "although"/"bien que" clauses are not cut off: they qualify the main clause's
 * claim rather than make another. Nothing is cut inside quotation marks or brackets, and no clause
 * shorter than three words is made.
 */
export function clauseRanges(body: string, sentence: TextRange): TextRange[] {
  const text = body.slice(sentence.start, sentence.end);
  const boundaries = allMatches(CLAUSE_BOUNDARY, text);
  if (boundaries.length === 0) {
    const whole: TextRange[] = [];
    pushTrimmed(body, sentence, whole);
    return whole;
  }
  const depths = nestingDepths(text);
  const pieces: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of boundaries) {
    if (depths[match.index] !== 0) continue;
    pieces.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  pieces.push({ start, end: text.length });
  const clauses: { start: number; end: number; words: number }[] = [];
  for (const piece of pieces) {
    const words = wordCount(text.slice(piece.start, piece.end));
    const previous = clauses[clauses.length - 1];
    if (previous && (words < 3 || previous.words < 3)) {
      previous.end = piece.end;
      previous.words += words;
    } else {
      clauses.push({ ...piece, words });
    }
  }
  const ranges: TextRange[] = [];
  for (const clause of clauses) {
    pushTrimmed(body, { start: sentence.start + clause.start, end: sentence.start + clause.end }, ranges);
  }
  return ranges;
}

/**
 * No whitespace before the mark: each piece is trimmed anyway, and a leading `\s*` would be tried from every
 * position of a run of spaces, each attempt running to the run's end (time growing with the square of the run).
 */
const CLAUSE_BOUNDARY = /;\s*|,\s+(?=(?:while|whereas|but|tandis que|alors que|mais)\s)/giu;

function nestingDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const character of text) {
    if (character === "«" || character === "“" || character === "(" || character === "[") depth++;
    depths.push(depth);
    if (character.length === 2) depths.push(depth);
    if ((character === "»" || character === "”" || character === ")" || character === "]") && depth > 0) depth--;
  }
  return depths;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

function giveBackClosingMarks(body: string, previous: TextRange, piece: TextRange): number {
  let position = piece.start;
  let lastMark = -1;
  while (position < piece.end) {
    const character = body[position]!;
    if (CLOSING_MARKS.has(character)) {
      lastMark = position;
    } else if (!/\s/.test(character)) {
      break;
    }
    position++;
  }
  if (lastMark === -1) return piece.start;
  previous.end = lastMark + 1;
  return lastMark + 1;
}

function endsWithAbbreviation(body: string, range: TextRange): boolean {
  const tail = body.slice(Math.max(range.start, range.end - 32), range.end).trimEnd();
  return tail.endsWith(".") && ENDS_WITH_ABBREVIATION.test(tail);
}

function segmenterLocale(language: string): string {
  try {
    return Intl.Segmenter.supportedLocalesOf([language])[0] ?? "en";
  } catch {
    return "en";
  }
}

/** Emoji and list bullets that open a line are decoration, not part of a claim. */
const LEADING_DECORATION =
  /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0f\u20e3]|[-*•·▪►](?=\s)|\s)+/u;

function trimmed(body: string, range: TextRange): TextRange | undefined {
  let { start, end } = range;
  start += LEADING_DECORATION.exec(body.slice(start, Math.min(end, start + 64)))?.[0].length ?? 0;
  while (start < end && /\s/.test(body[start]!)) start++;
  while (end > start && /\s/.test(body[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

function pushTrimmed(body: string, range: TextRange, ranges: TextRange[]) {
  const kept = trimmed(body, range);
  if (kept) ranges.push(kept);
}
