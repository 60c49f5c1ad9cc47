import { readFileSync } from "node:fs";

/** The first tracked article. Its body is the file beside this one, byte for byte: claim offsets index into it. */
export const seedArticle = {
  slug: "imperative-of-peace-in-mali",
  title: "The imperative of peace in Mali",
  url: "https://internationalviewpoint.org/spip.php?article8542",
  publisher: "International Viewpoint",
  issue: "IV592",
  author: null,
  credit: "Translated by International Viewpoint from l'Anticapitaliste",
  publishedAt: new Date("2024-05-31T00:00:00Z"),
  language: "en",
} as const;

export function readSeedArticleBody(): string {
  return readFileSync(new URL("./article.txt", import.meta.url), "utf8");
}
