import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasMarkupOrLinkSyntax } from "@/domains/suggestions/markup";
import { locateQuotes, measureSuggestions } from "@/domains/suggestions/measure";
import { clauseRanges, paragraphRanges, sentenceRanges } from "@/domains/suggestions/segment";
import { REASONS, suggestClaims, type Suggestion } from "@/domains/suggestions/suggest";
import { readSeedArticleBody } from "@/prisma/seed/article";
import { seedClaims } from "@/prisma/seed/claims";
import { locateSeedClaims } from "@/prisma/seed/locate";
import { frenchBody, frenchCheckWorthy, frenchFiller, frenchFillerWithFigure } from "@/tests/fixtures/suggestions-fr";

/** The invariants every result must keep, whatever the text. */
function expectWellFormed(body: string, suggestions: Suggestion[]) {
  const paragraphs = paragraphRanges(body);
  for (const suggestion of suggestions) {
    expect(body.slice(suggestion.startOffset, suggestion.endOffset)).toBe(suggestion.text);
    expect(suggestion.text).toBe(suggestion.text.trim());
    expect(suggestion.text.length).toBeGreaterThan(0);
    expect(suggestion.score).toBeGreaterThanOrEqual(0);
    expect(suggestion.score).toBeLessThanOrEqual(1);
    expect(suggestion.reasons.length).toBeGreaterThan(0);
    for (const reason of suggestion.reasons) expect(REASONS).toContain(reason);
    expect(hasMarkupOrLinkSyntax(suggestion.text), suggestion.text).toBe(false);
    expect(suggestion.text).not.toMatch(/(?:\r\n|\r|\n)[^\S\r\n]*(?:\r\n|\r|\n)|\u2029/);
    expect(
      paragraphs.some(
        (paragraph) => paragraph.start <= suggestion.startOffset && suggestion.endOffset <= paragraph.end,
      ),
    ).toBe(true);
  }
  for (let index = 1; index < suggestions.length; index++) {
    expect(suggestions[index - 1]!.score).toBeGreaterThanOrEqual(suggestions[index]!.score);
  }
  const byStart = [...suggestions].sort((a, b) => a.startOffset - b.startOffset);
  for (let index = 1; index < byStart.length; index++) {
    expect(byStart[index]!.startOffset).toBeGreaterThanOrEqual(byStart[index - 1]!.endOffset);
  }
}

function suggestionCovering(suggestions: Suggestion[], body: string, quote: string): Suggestion | undefined {
  const start = body.indexOf(quote);
  expect(start, `fixture quote "${quote}"`).toBeGreaterThanOrEqual(0);
  return suggestions.find(
    (suggestion) => suggestion.startOffset < start + quote.length && start < suggestion.endOffset,
  );
}

describe("suggestClaims on the seed article", () => {
  const body = readSeedArticleBody();
  const suggestions = suggestClaims(body, "en");
  const expected = locateSeedClaims(body, seedClaims).map((claim) => ({ label: claim.quote, ...claim }));

  it("gives exact, trimmed, disjoint spans inside one paragraph, best first", () => {
    expect(suggestions.length).toBeGreaterThan(10);
    expectWellFormed(body, suggestions);
  });

  it("overlaps at least 90% of the seeded claims, and most suggestions overlap one", () => {
    const measure = measureSuggestions(suggestions, expected);
    expect(measure.recall).toBeGreaterThanOrEqual(0.9);
    expect(measure.precision).toBeGreaterThanOrEqual(0.8);
  });

  it("suggests nothing in the page furniture: headings, datelines, credits, the donation appeal", () => {
    for (const line of [
      "Publication date: Friday 31 May 2024",
      "Repression at every turn",
      "\n30 May 2024\n",
      "If you like this article or have found it useful",
    ]) {
      expect(suggestionCovering(suggestions, body, line), line).toBeUndefined();
    }
  });

  it("suggests no sentence with Markdown or link syntax: the translation credit", () => {
    const credit = "Translated by **International Viewpoint** from [l'Anticapitaliste](#).";
    expect(suggestionCovering(suggestions, body, credit)).toBeUndefined();
  });

  it("ranks the sentence with a figure, a named source and a comparison first", () => {
    expect(suggestions[0]!.text).toContain("7.1 million people");
    expect(suggestions[0]!.reasons).toEqual(expect.arrayContaining(["number", "named_entity_with_verb", "comparison"]));
  });
});

describe("suggestClaims on a French text", () => {
  const suggestions = suggestClaims(frenchBody, "fr");

  it("keeps the invariants", () => {
    expectWellFormed(frenchBody, suggestions);
  });

  it("finds every check-worthy sentence", () => {
    const measure = measureSuggestions(suggestions, locateQuotes(frenchBody, frenchCheckWorthy));
    expect(measure.missed.map((span) => span.label)).toEqual([]);
  });

  it("does not suggest opinion, rhetoric or questions", () => {
    for (const filler of frenchFiller)
      expect(suggestionCovering(suggestions, frenchBody, filler), filler).toBeUndefined();
    const figure = suggestionCovering(suggestions, frenchBody, frenchFillerWithFigure);
    expect(figure?.score ?? 0).toBeLessThan(0.5);
  });

  it("suggests a semicolon clause on its own", () => {
    const clause = suggestionCovering(suggestions, frenchBody, "elle est détenue depuis trois semaines");
    expect(clause?.text).toBe("elle est détenue depuis trois semaines.");
    expect(clause?.reasons).toContain("duration");
  });

  it("keeps the title, the colon and the « » quotation in one attributed sentence", () => {
    const quote = suggestionCovering(suggestions, frenchBody, "Nous avons perdu");
    expect(quote?.text).toBe(
      "M. Ousmane Diallo, ministre des Finances, a déclaré : « Nous avons perdu plus de 200 milliards de francs CFA de recettes douanières. »",
    );
    expect(quote?.reasons).toEqual(expect.arrayContaining(["amount", "attributed_quote", "named_entity_with_verb"]));
  });

  it("accepts regional language tags", () => {
    expect(suggestClaims(frenchBody, "fr-FR")).toEqual(suggestions);
  });
});

describe("sentence splitting", () => {
  it("does not end a sentence at an abbreviation, an initial or a decimal point", () => {
    const body =
      "Mr. J. R. Smith met Dr. Jones and M. Dupont on Monday. Growth was 7.1 per cent in the U.S. economy, etc. and more. Mme Martin left.";
    const sentences = sentenceRanges(body, "en").map((range) => body.slice(range.start, range.end));
    expect(sentences).toEqual([
      "Mr. J. R. Smith met Dr. Jones and M. Dupont on Monday.",
      "Growth was 7.1 per cent in the U.S. economy, etc. and more.",
      "Mme Martin left.",
    ]);
  });

  it("keeps closing quotation marks with their sentence, French spacing included", () => {
    const body =
      "Il a dit : « Nous partons. » Puis ils sont partis. Le général a déclaré : « C’est fini ! » selon lui. “It is over.” Then he left.";
    const sentences = sentenceRanges(body, "fr").map((range) => body.slice(range.start, range.end));
    expect(sentences).toEqual([
      "Il a dit : « Nous partons. »",
      "Puis ils sont partis.",
      "Le général a déclaré : « C’est fini ! » selon lui.",
      "“It is over.”",
      "Then he left.",
    ]);
  });

  it("never joins two paragraphs, whatever the line breaks", () => {
    const body =
      "The minister said 12 people died\n\nin the attack on Monday.\r\n \r\nNo one was arrested\u2029by the police on 3 May 2024.";
    const sentences = sentenceRanges(body, "en").map((range) => body.slice(range.start, range.end));
    expect(sentences).toEqual([
      "The minister said 12 people died",
      "in the attack on Monday.",
      "No one was arrested",
      "by the police on 3 May 2024.",
    ]);
  });

  it("cuts clauses at semicolons and before “, while” but not inside quotation marks", () => {
    const body = "Exports fell by 12% in 2023, while the mood stayed calm; nobody noticed « ceci ; cela » at all.";
    const clauses = clauseRanges(body, { start: 0, end: body.length }).map((range) =>
      body.slice(range.start, range.end),
    );
    expect(clauses).toEqual([
      "Exports fell by 12% in 2023",
      "while the mood stayed calm",
      "nobody noticed « ceci ; cela » at all.",
    ]);
  });
});

describe("suggestClaims on tricky text", () => {
  const body = [
    "🎉👩‍👩‍👧 Mr. J. R. Smith, the U.S. envoy, said on 3 May 2023 that “exports fell by 7.1 per cent, the largest drop since 2009.”",
    "",
    "😀🇲🇱 Selon le HCR, « 2,5 millions de personnes » ont fui le Sahel depuis 2012.",
    "",
    "What a lovely day it was, and everyone smiled. We hope you enjoyed it.",
    "",
    "The ministry announced that 1,200 soldiers were withdrawn from Gao; the weather was pleasant.",
  ].join("\n");
  const suggestions = suggestClaims(body, "en");

  it("gives UTF-16 offsets after emoji and flags, without the emoji", () => {
    expectWellFormed(body, suggestions);
    const smith = suggestionCovering(suggestions, body, "Mr. J. R. Smith");
    expect(smith?.startOffset).toBe(body.indexOf("Mr. J. R. Smith"));
    expect(smith?.startOffset).toBeGreaterThan([...body.slice(0, body.indexOf("Mr."))].length);
    expect(smith?.text.endsWith("since 2009.”")).toBe(true);
    expect(smith?.reasons).toEqual(
      expect.arrayContaining(["percentage", "date", "named_entity_with_verb", "attributed_quote", "superlative"]),
    );
    const refugees = suggestionCovering(suggestions, body, "Selon le HCR");
    expect(refugees?.text).toBe("Selon le HCR, « 2,5 millions de personnes » ont fui le Sahel depuis 2012.");
  });

  it("suggests only the clause that carries the claim", () => {
    const soldiers = suggestionCovering(suggestions, body, "1,200 soldiers");
    expect(soldiers?.text).toBe("The ministry announced that 1,200 soldiers were withdrawn from Gao");
    expect(suggestionCovering(suggestions, body, "the weather was pleasant")).toBeUndefined();
  });

  it("leaves out sentences without a factual anchor", () => {
    expect(suggestionCovering(suggestions, body, "What a lovely day")).toBeUndefined();
    expect(suggestionCovering(suggestions, body, "We hope you enjoyed it.")).toBeUndefined();
  });

  it("returns nothing for an empty or blank body", () => {
    expect(suggestClaims("", "en")).toEqual([]);
    expect(suggestClaims(" \n\n\t \r\n", "fr")).toEqual([]);
  });

  it("marks down a call to the reader and a question", () => {
    const [statement] = suggestClaims("The ministry paid 5 million euros in 2023.", "en");
    const [appeal] = suggestClaims("Please send us 5 million euros in 2023.", "en");
    const [question] = suggestClaims("Did the ministry pay 5 million euros in 2023?", "en");
    expect(statement!.score).toBeGreaterThan(appeal?.score ?? 0);
    expect(statement!.score).toBeGreaterThan(question?.score ?? 0);
  });
});

describe("suggestClaims on text with Markdown or link syntax", () => {
  /** Check-worthy sentences, each suggested as it is, and the same with markup that keeps them out. */
  const plain = [
    "UNICEF said 7.1 million people in Mali need humanitarian assistance.",
    "The World Food Programme said millet prices rose by 38% in 2024.",
    "The army said 5,000 people died in 2023.",
  ];
  const marked = [
    "UNICEF said **7.1 million** people in Mali need humanitarian assistance.",
    "The [World Food Programme](https://www.wfp.org) said millet prices rose by 38% in 2024.",
    "The army said 5,000 people died in 2023, see https://example.org/report for details.",
    "The army said 5,000 people died in 2023 (www.example.org).",
    "UNICEF said _7.1 million_ people in Mali need humanitarian assistance.",
    "UNICEF said `7.1 million` people in Mali need humanitarian assistance.",
    "The ![chart](chart.png) shows UNICEF said 7.1 million people need assistance in 2024.",
    '<a href="https://www.wfp.org">WFP</a> said millet prices rose by 38% in 2024.',
    "# UNICEF said 7.1 million people in Mali need humanitarian assistance.",
    "Simply follow this link: [Donate](#) then give 5 euros to UNICEF in 2024.",
  ];

  it("suggests the sentences without markup, and none of the same sentences with it", () => {
    for (const sentence of plain) expect(suggestClaims(sentence, "en").map((s) => s.text)).toEqual([sentence]);
    for (const sentence of marked) {
      expect(hasMarkupOrLinkSyntax(sentence), sentence).toBe(true);
      expect(suggestClaims(sentence, "en"), sentence).toEqual([]);
    }
  });

  it("keeps the other sentences of a paragraph that has markup", () => {
    const body = `${marked[0]} ${plain[1]}\n\n${marked[1]}\n${plain[2]}`;
    expect(
      suggestClaims(body, "en")
        .map((s) => s.text)
        .sort(),
    ).toEqual([plain[1], plain[2]].sort());
  });

  it("does not take an underscore inside a word, a hyphen list item or a lone hash for markup", () => {
    for (const sentence of [
      "The account @un_news said 7.1 million people need assistance.",
      "- Millet: 38% higher than a year ago, the WFP said in 2024.",
      "Resolution #2719 was adopted by 14 votes in 2023.",
    ]) {
      expect(hasMarkupOrLinkSyntax(sentence), sentence).toBe(false);
    }
  });
});

describe("suggestClaims on any text", () => {
  const pieces = [
    "Mr. ",
    "Dr. ",
    "M. ",
    "Mme ",
    "etc. ",
    "J. ",
    "7.1 ",
    "12 500 ",
    "45% ",
    "$3 ",
    "€ ",
    "UNICEF ",
    "Assimi Goïta ",
    "said ",
    "a déclaré ",
    "« ",
    " »",
    "“",
    "”",
    "'",
    "’",
    '"',
    "(",
    ")",
    ";",
    ", while ",
    ", tandis que ",
    ". ",
    "? ",
    "! ",
    "\n",
    "\n\n",
    "\r\n \r\n",
    "\u2029",
    " ",
    "😀",
    "👩‍👩‍👧",
    "🇲🇱",
    "é",
    "since 2012 ",
    "26 March 2024 ",
    "the largest ",
    "because ",
    "banned ",
    "word ",
    "Word ",
    "l'Imam ",
    "people's ",
    "**",
    "_",
    "`",
    "[",
    "](#)",
    "https://example.org ",
  ];

  it("keeps the invariants for random mixes of tricky pieces (fast-check, 300 runs)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 80 }),
        fc.constantFrom("en", "fr", "de", ""),
        (parts, language) => {
          const body = parts.join("");
          expectWellFormed(body, suggestClaims(body, language));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
