import { clauseRanges, paragraphRanges, sentenceRanges, type TextRange } from "./segment";
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

/** Headings, datelines, bylines and credits: a paragraph this short without end punctuation is no prose. */
const HEADING_MAX_WORDS = 15;
const ENDS_LIKE_PROSE = /[.!?…][\s"'’”»)\]*_]*$/u;

/**
 * Check-worthy sentences and clauses of an article body, best first. Pure: no database, the same
 * result on the server and in tests. `language` is a BCP 47 tag ("en", "fr", "fr-FR"); it picks the
 * sentence rules and the word lists (English and French; other languages get both word lists).
 */
export function suggestClaims(body: string, language: string): Suggestion[] {
  const lexicon = lexiconFor(language);
  const paragraphs = paragraphRanges(body);
  const suggestions: Suggestion[] = [];
  let paragraphIndex = 0;
  // Both lists are in body order and every sentence lies inside one paragraph.
  for (const sentence of sentenceRanges(body, language)) {
    while (paragraphs[paragraphIndex]!.end < sentence.end) paragraphIndex++;
    const paragraph = paragraphs[paragraphIndex]!;
    if (!isProse(body.slice(paragraph.start, paragraph.end))) continue;
    suggestions.push(...checkWorthyRanges(body, sentence, lexicon));
  }
  return suggestions.sort((a, b) => b.score - a.score || a.startOffset - b.startOffset);
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
  const wordCount = paragraph.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return wordCount > HEADING_MAX_WORDS || ENDS_LIKE_PROSE.test(paragraph);
}
