/**
 * Measures the claim suggestions against hand-picked spans: the 44 seeded claims of the seed article
 * and a short French text written for the tests. A measurement, so it exits 0 whatever the figures.
 */
import { measureSuggestions, locateQuotes, type ExpectedSpan } from "../domains/suggestions/measure";
import { suggestClaims, type Suggestion } from "../domains/suggestions/suggest";
import { readSeedArticleBody, seedArticle } from "../prisma/seed/article";
import { seedClaims } from "../prisma/seed/claims";
import { locateSeedClaims } from "../prisma/seed/locate";
import { frenchBody, frenchCheckWorthy } from "../tests/fixtures/suggestions-fr";

const THRESHOLDS = [0, 0.3, 0.5];
const verbose = process.argv.includes("--verbose");

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function shorten(text: string, length = 90): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function report(name: string, suggestions: Suggestion[], expected: ExpectedSpan[]) {
  console.log(`\n## ${name}: ${expected.length} expected spans`);
  console.log("| min score | suggestions | recall | precision |");
  console.log("| --- | --- | --- | --- |");
  for (const threshold of THRESHOLDS) {
    const kept = suggestions.filter((suggestion) => suggestion.score >= threshold);
    const measure = measureSuggestions(kept, expected);
    const label = threshold === 0 ? "all" : `≥ ${threshold}`;
    console.log(`| ${label} | ${measure.suggestions} | ${percent(measure.recall)} | ${percent(measure.precision)} |`);
  }
  const all = measureSuggestions(suggestions, expected);
  console.log(`\nMissed (${all.missed.length}):`);
  for (const span of all.missed) console.log(`- [${span.startOffset}-${span.endOffset}] ${shorten(span.label)}`);
  console.log(`\nSuggestions overlapping no expected span (${all.unmatched.length}):`);
  for (const suggestion of all.unmatched) {
    console.log(`- ${suggestion.score.toFixed(2)} ${suggestion.reasons.join(",")}: ${shorten(suggestion.text)}`);
  }
  if (verbose) {
    console.log("\nAll suggestions, best first:");
    for (const suggestion of suggestions) {
      console.log(
        `- ${suggestion.score.toFixed(2)} [${suggestion.startOffset}-${suggestion.endOffset}] ${suggestion.reasons.join(",")}: ${shorten(suggestion.text, 120)}`,
      );
    }
  }
}

const seedBody = readSeedArticleBody();
const seedExpected = locateSeedClaims(seedBody, seedClaims).map((claim, index) => ({
  label: `#${index + 1} ${claim.quote}`,
  startOffset: claim.startOffset,
  endOffset: claim.endOffset,
}));
report(
  `Seed article "${seedArticle.title}" (${seedArticle.language})`,
  suggestClaims(seedBody, seedArticle.language),
  seedExpected,
);
report(
  "French test text (tests/fixtures/suggestions-fr.ts)",
  suggestClaims(frenchBody, "fr"),
  locateQuotes(frenchBody, frenchCheckWorthy),
);
