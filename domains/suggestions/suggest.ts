import { hasMarkupOrLinkSyntax } from "./markup";
import { clauseRanges, paragraphRanges, paragraphSentences, sentenceSegmenter, type TextRange } from "./segment";
import { detectTraits, lexiconFor, REASONS, type LexiconLanguage, type Reason, type TextTraits } from "./signals";

export type { Reason } from "./signals";
export { REASONS } from "./signals";

/** A span of the body worth checking. `body.slice(startOffset, endOffset) === text` (UTF-16 indices). */
export interface Suggestion {
  startOffset: number;
  endOffset: number;
  text: string;
  /** 0..1, higher is more check-worthy. */
  score: number;
  /** Machine codes of the signals found, in the order of REASONS. */
  reasons: Reason[];
}

/**
 * Names what the engine computes. Suggestions are stored once per article (the body never changes) with this
 * version; a stored result of another version is computed again. Any change to segment.ts, signals.ts, markup.ts or
 * this file changes the result, so it changes this too: tests/unit/suggestions-engine-version.test.ts fails until it
 * does.
 */
export const SUGGESTION_ENGINE_VERSION = "5";

/**
 * How much each signal says "this can be checked against a record". Signals combine like independent
 * pieces of evidence (noisy-OR): score = 1 - Π(1 - weight). One figure or one attributed quotation alone
 * gives 0.35-0.5; a figure with a date and a named actor gives ~0.8. Single-word names count only with an
 * action verb (as named_entity_with_verb); vague quantities ("several") and an action verb without a named
 * actor are too weak to suggest alone.
 */
export const REASON_WEIGHTS: Record<Reason, number> = {
  percentage: 0.5,
  amount: 0.5,
  number: 0.35,
  date: 0.3,
  duration: 0.3,
  frequency: 0.2,
  named_entity_with_verb: 0.45,
  named_entity: 0.25,
  attributed_quote: 0.45,
  comparison: 0.25,
  superlative: 0.25,
  causal: 0.25,
  quantity: 0.15,
  action_verb: 0.15,
};

/** Multipliers for text that carries signals but is not an assertion of fact. */
const READER_ADDRESS_FACTOR = 0.4;
const QUESTION_FACTOR = 0.5;
const OPINION_FACTOR = 0.7;

/** Below this, a span is not suggested: one weak signal is not enough. */
export const MIN_SCORE = 0.2;

/**
 * The most suggestions an article gets: the best ones. Prose gets far fewer (the seed article 20 in 4,565 characters,
 * about 900 at the 200,000-character limit); a body of one figure per line would get one per line, 100,000, a list
 * no editor reads and a megabytes-long answer to every page view.
 */
export const MAX_SUGGESTIONS = 2000;

/**
 * A one-word "sentence" (a figure alone on its line, "Yes!", an initial) names nothing to check. Scoring it was most
 * of the cost of a body made of them: some 30 patterns for a word, so a figure per line cost 15× prose.
 */
const MIN_WORDS = 2;

/** Headings, datelines, bylines and credits: a paragraph this short without end punctuation is no prose. */
const HEADING_MAX_WORDS = 15;
const ENDS_LIKE_PROSE = /[.!?…][\s"'’”»)\]*_]*$/u;

/**
 * Check-worthy sentences and clauses of an article body, best first. Pure: no database, the same
 * result on the server and in tests. `language` is a BCP 47 tag ("en", "fr", "fr-FR"); it picks the
 * sentence rules and the word lists (English and French; other languages get both word lists).
 * It runs in one go; a server answering requests uses suggestClaimsInSlices instead.
 */
export function suggestClaims(body: string, language: string): Suggestion[] {
  const steps = suggestionSteps(body, language);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * How long the engine runs before it lets the event loop answer others. A request waits up to a slice at each of its
 * steps that waits for input (the connection, the database's answer…), so slices are short: while the largest body is
 * computed, GET /api/health answered in 10-20 ms (70 at most on a loaded 2-core machine) with 1 ms slices, in 45-150 ms
 * with 10 ms slices. A pause costs some 50 microseconds: the plain 200,000-character body took 36 ms of CPU against 34.
 */
const SLICE_MS = 1;

/**
 * The same suggestions as suggestClaims, computed in slices of about SLICE_MS with the event loop running in
 * between, so a server keeps answering other requests while a long body is read (200,000 characters take up to
 * half a second of work). A step is one sentence (at most MAX_SENTENCE_LENGTH characters of pattern work) or one
 * paragraph's heading test, so a slice never runs much past its time.
 */
export async function suggestClaimsInSlices(body: string, language: string): Promise<Suggestion[]> {
  const steps = suggestionSteps(body, language);
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The engine, pausing (yielding) after each sentence and each paragraph; it returns the best suggestions first. */
function* suggestionSteps(body: string, language: string): Generator<void, Suggestion[]> {
  const lexicon = lexiconFor(language);
  const segmenter = sentenceSegmenter(language);
  const suggestions: Suggestion[] = [];
  for (const paragraph of paragraphRanges(body)) {
    if (isProse(body.slice(paragraph.start, paragraph.end))) {
      for (const sentence of paragraphSentences(body, paragraph, segmenter)) {
        const text = body.slice(sentence.start, sentence.end);
        // A sentence with Markdown or link syntax would put the markup in the claim's quote (markup.ts).
        if (hasMoreWordsThan(text, MIN_WORDS - 1) && !hasMarkupOrLinkSyntax(text)) {
          suggestions.push(...checkWorthyRanges(body, sentence, lexicon));
        }
        // Only the best are kept: dropping the rest as the list grows keeps both memory and sorting bounded.
        if (suggestions.length >= 2 * MAX_SUGGESTIONS) keepBest(suggestions);
        yield;
      }
    }
    yield;
  }
  keepBest(suggestions);
  return suggestions;
}

/** Sorts best first (score, then position: spans never overlap, so the order is total) and drops all past MAX_SUGGESTIONS. */
function keepBest(suggestions: Suggestion[]) {
  suggestions.sort((a, b) => b.score - a.score || a.startOffset - b.startOffset);
  if (suggestions.length > MAX_SUGGESTIONS) suggestions.length = MAX_SUGGESTIONS;
}

/**
 * A sentence is suggested whole unless some of its clauses carry the signals on their own: then only
 * those clauses are, so the span the editor accepts is the smallest that holds the claim.
 */
function checkWorthyRanges(body: string, sentence: TextRange, lexicon: LexiconLanguage | "any"): Suggestion[] {
  const clauses = clauseRanges(body, sentence);
  if (clauses.length > 1) {
    const scoredClauses = clauses.map((clause) => scoreRange(body, clause, lexicon));
    const worthy = scoredClauses.filter((clause) => clause.score >= MIN_SCORE);
    if (worthy.length > 0) return worthy;
  }
  const whole = scoreRange(body, sentence, lexicon);
  return whole.score >= MIN_SCORE ? [whole] : [];
}

function scoreRange(body: string, range: TextRange, lexicon: LexiconLanguage | "any"): Suggestion {
  const text = body.slice(range.start, range.end);
  const traits = detectTraits(text, lexicon);
  const reasons = REASONS.filter((reason) => traits.reasons.has(reason));
  return { startOffset: range.start, endOffset: range.end, text, score: combine(reasons, traits), reasons };
}

function combine(reasons: Reason[], traits: TextTraits): number {
  let doubt = 1;
  for (const reason of reasons) doubt *= 1 - REASON_WEIGHTS[reason];
  let score = 1 - doubt;
  if (traits.addressesReader) score *= READER_ADDRESS_FACTOR;
  if (traits.isQuestion) score *= QUESTION_FACTOR;
  if (traits.isOpinion) score *= OPINION_FACTOR;
  return Math.round(score * 1000) / 1000;
}

function isProse(paragraph: string): boolean {
  return ENDS_LIKE_PROSE.test(paragraph) || hasMoreWordsThan(paragraph, HEADING_MAX_WORDS);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Counts no further than it needs: a paragraph can be the whole 200,000-character body. */
function hasMoreWordsThan(text: string, limit: number): boolean {
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.exec(text)) {
    if (++words > limit) {
      WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}
