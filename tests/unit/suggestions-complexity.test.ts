import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH } from "@/domains/articles/limits";
import { suggestClaims } from "@/domains/suggestions/suggest";
import { readSeedArticleBody } from "@/prisma/seed/article";

/**
 * The engine's time on hostile bodies, up to the 200,000-character limit, stays within 3× its time on plain prose of
 * the same length (the seed article repeated). A ratio measured in the same process, not a time: the machine's speed
 * cancels out. Times are the process's CPU time, not the clock's, so other processes on a busy machine do not count;
 * each side is the median of three runs, interleaved, so what load remains (caches, GC) weighs on both.
 *
 * Bodies made of tiny sentences ("A. A. A.", a figure per line) are not held to 3×: ICU costs about a microsecond per
 * sentence and each sentence is scored, so one of 3 characters costs several times what prose does per character.
 * They are held to linear growth instead: four times the text takes at most 8× the time (linear is 4×, quadratic 16×;
 * the wide gap between them keeps the noise of a busy machine out of the verdict).
 *
 * Replay a run: SUGGESTIONS_SEED=<seed> npx vitest run tests/unit/suggestions-complexity.test.ts
 * CI (CI=true) runs a fixed seed; every other run draws a new one.
 */
const CI_SEED = 20261202;
const SEED = process.env.SUGGESTIONS_SEED
  ? Number(process.env.SUGGESTIONS_SEED)
  : process.env.CI
    ? CI_SEED
    : Math.floor(Math.random() * 0x7fffffff);
const MAX_RATIO = 3;
const RUNS_PER_SIDE = 3;
const LENGTHS = [100_000, MAX_BODY_LENGTH];

/** A real sentence with a figure, a date and an actor: the engine does its full work on it. */
const SENTENCE = "The army said 5,000 people died in 2023.";

/** Units that, repeated, make a body hostile to a backtracking pattern, to the sentence rules or to a scan. */
const HOSTILE_UNITS: Record<string, string> = {
  spaces: " ",
  noBreakSpaces: "\u00a0",
  narrowNoBreakSpaces: "\u202f",
  tabs: "\t",
  spacedLineBreaks: "\n ",
  groupedDigits: "111,",
  spacedDigits: "111 ",
  noBreakGroupedDigits: "111\u00a0",
  dottedDigits: "111.",
  digits: "1",
  semicolons: ";",
  spacedSemicolons: " ;",
  commas: ", ",
  dots: ".",
  ellipses: "…",
  straightQuotes: '"',
  unclosedGuillemets: "« ",
  closingGuillemets: "» ",
  curlyQuotes: "‘’a",
  apostrophes: " 'a",
  brackets: "(",
  letters: "a",
  mixedCase: "Ab",
  words: "word ",
  capitalisedWords: "Word ",
  acronyms: "ABC ",
  questions: "? ",
  percentages: "1 %",
  amounts: "$1 ",
  numberWords: "two ",
  comparatives: "aer tha",
  combiningMarks: "\u0301",
  emoji: "😀",
  sentencesWithoutParagraphBreaks: `${SENTENCE} `,
  markdownLinks: "[a](",
  emphasis: "_a ",
  addresses: "https://a",
};

/** Units of tiny sentences: as many sentences (or sentence pieces for the segmenter) as the body has words. */
const TINY_SENTENCE_UNITS: Record<string, string> = {
  oneLetterSentences: "A. ",
  exclamations: "A! ",
  shortSentences: "Ab cd! ",
  initials: "J. ",
  abbreviations: "Mr. ",
  lowerCaseLines: "a\n",
  sentenceLines: "a.\n",
  figureLines: "1\n",
};
const GROWTH_OF_TEXT = 4;
const MAX_GROWTH_OF_TIME = 8;
/** Long enough for a quadratic cost to show (it did, at 100,000, before the fix), short enough to stay quick. */
const TINY_SENTENCE_LENGTH = 160_000;

interface HostileShape {
  length: number;
  units: string[];
  runLength: number;
  opener: string;
  sentenceAfterRun: boolean;
  language: string;
}

/** Runs of the units in turn, each after the opener and before the sentence (if asked), cut to the length. */
function hostileBody(shape: HostileShape): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < shape.length; index++) {
    const unit = HOSTILE_UNITS[shape.units[index % shape.units.length]!]!;
    const run = unit.repeat(Math.ceil(shape.runLength / unit.length));
    const part = `${shape.opener}${run}${shape.sentenceAfterRun ? ` b. ${SENTENCE} ` : ""}`;
    parts.push(part);
    length += part.length;
  }
  return parts.join("").slice(0, shape.length);
}

const seedArticle = readSeedArticleBody();
const plainBody = (length: number) => seedArticle.repeat(Math.ceil(length / seedArticle.length)).slice(0, length);

/** CPU milliseconds of this process (user and system). */
function millisecondsFor(body: string, language: string): number {
  const start = process.cpuUsage();
  suggestClaims(body, language);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The median times of two bodies, their runs alternating so that load that comes and goes weighs on both alike. */
function medianTimes(first: string, second: string, language: string): [number, number] {
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let run = 0; run < RUNS_PER_SIDE; run++) {
    firstTimes.push(millisecondsFor(first, language));
    secondTimes.push(millisecondsFor(second, language));
  }
  return [median(firstTimes), median(secondTimes)];
}

function ratioToPlain(body: string, language: string): { ratio: number; hostile: number; plain: number } {
  const [plain, hostile] = medianTimes(plainBody(body.length), body, language);
  return { ratio: hostile / plain, hostile, plain };
}

function describeBody(body: string): string {
  return `${body.length} characters: ${JSON.stringify(body.slice(0, 60))}…`;
}

beforeAll(() => {
  // The first runs compile the patterns and warm the JIT; they would weigh on whichever side came first.
  for (const length of LENGTHS) millisecondsFor(plainBody(length), "en");
});

describe("suggestClaims time on hostile bodies, as a ratio to plain prose of the same length", () => {
  const tail = `b. ${SENTENCE}`;
  const issueBodies: [string, string][] = [
    ["a run of spaces inside a sentence", `a${" ".repeat(MAX_BODY_LENGTH - tail.length - 1)}${tail}`],
    ["a run of no-break spaces inside a sentence", `a${"\u00a0".repeat(MAX_BODY_LENGTH - tail.length - 1)}${tail}`],
    ["digits grouped by commas", `1${"111,".repeat(MAX_BODY_LENGTH / 4)}`.slice(0, MAX_BODY_LENGTH)],
    ["digits grouped by spaces", `1${"111 ".repeat(MAX_BODY_LENGTH / 4)}`.slice(0, MAX_BODY_LENGTH)],
    ["sentences in one paragraph without breaks", `${SENTENCE} `.repeat(MAX_BODY_LENGTH / (SENTENCE.length + 1))],
  ];

  it.each(issueBodies)(`%s stays within ${MAX_RATIO}×`, (_, body) => {
    const measured = ratioToPlain(body, "en");
    const times = `${measured.hostile.toFixed(0)} ms, plain prose ${measured.plain.toFixed(0)} ms`;
    expect(measured.ratio, `${describeBody(body)} took ${times}`).toBeLessThanOrEqual(MAX_RATIO);
  });

  it(`generated hostile bodies stay within ${MAX_RATIO}× (fast-check, seed ${SEED})`, () => {
    const shapes = fc.record({
      length: fc.constantFrom(...LENGTHS),
      units: fc.array(fc.constantFrom(...Object.keys(HOSTILE_UNITS)), { minLength: 1, maxLength: 3 }),
      runLength: fc.integer({ min: 1_000, max: MAX_BODY_LENGTH }),
      opener: fc.constantFrom("", "a", "1", "In 2023 "),
      sentenceAfterRun: fc.boolean(),
      language: fc.constantFrom("en", "fr", ""),
    });
    const details = fc.check(
      fc.property(shapes, (shape) => {
        const measured = ratioToPlain(hostileBody(shape), shape.language);
        if (measured.ratio > MAX_RATIO) {
          throw new Error(`${measured.hostile.toFixed(0)} ms against ${measured.plain.toFixed(0)} ms for plain prose`);
        }
      }),
      // No shrinking: every run costs a second, and the shape that failed says enough.
      { seed: SEED, numRuns: 12, endOnFailure: true },
    );
    if (details.failed) {
      const shape = details.counterexample![0];
      const reason =
        details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        [
          `Slower than ${MAX_RATIO}× plain prose: ${reason}`,
          `Shape: ${JSON.stringify(shape)} (${describeBody(hostileBody(shape))})`,
          `Replay: SUGGESTIONS_SEED=${details.seed} npx vitest run tests/unit/suggestions-complexity.test.ts`,
        ].join("\n"),
      );
    }
  });
});

describe("suggestClaims time on bodies of tiny sentences", () => {
  const title = `%s: ${GROWTH_OF_TEXT} times the text takes at most ${MAX_GROWTH_OF_TIME}× the time`;
  it.each(Object.entries(TINY_SENTENCE_UNITS))(title, (_, unit) => {
    const body = (length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const [part, whole] = medianTimes(body(TINY_SENTENCE_LENGTH / GROWTH_OF_TEXT), body(TINY_SENTENCE_LENGTH), "en");
    const times = `${TINY_SENTENCE_LENGTH} characters took ${whole.toFixed(0)} ms, a quarter as many ${part.toFixed(0)} ms`;
    expect(whole / part, times).toBeLessThanOrEqual(MAX_GROWTH_OF_TIME);
  });
});
