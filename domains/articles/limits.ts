// Zod-free: imported by client components (importing schema.ts would ship zod to the browser).
export const MAX_ARTICLE_TITLE_LENGTH = 300;
export const MAX_ARTICLE_BYLINE_LENGTH = 200;
/** The stored body, after line endings are normalised or the HTML is reduced to its text. */
export const MAX_BODY_LENGTH = 200_000;
/** Raw HTML before reduction: the API's request limit (1 MB) bounds it anyway. */
export const MAX_HTML_LENGTH = 1_000_000;
/**
 * What HTML may hold to be read at all: Readability's work grows with the elements times the square of
 * their depth (each cleaned block measures the text of every block inside it), so a megabyte of deep or
 * dense markup took minutes. Of Readability's 130 real test pages the deepest nests 38 levels, the
 * largest has 9,888 elements and a nesting load (the sum of each element's depth squared) of 1,768,887.
 */
export const MAX_HTML_DEPTH = 256;
export const MAX_HTML_ELEMENTS = 20_000;
export const MAX_HTML_NESTING_LOAD = 8_000_000;
/** An uploaded file, read on the server. */
export const MAX_UPLOAD_BYTES = 1_000_000;
export const UPLOAD_EXTENSIONS = [".txt", ".md", ".html", ".htm"] as const;
/** Dates before this are surely typing mistakes. */
export const EARLIEST_PUBLICATION_DATE = "1900-01-01";

/**
 * The languages an article may be in: ISO 639-1 codes, the language subtag of BCP 47. English and
 * French are the ones the desk's suggestions are tuned for; the others are common in its sources.
 */
export const ARTICLE_LANGUAGES = ["en", "fr", "es", "pt", "de", "it", "nl", "ar"] as const;
export type ArticleLanguage = (typeof ARTICLE_LANGUAGES)[number];

export const LANGUAGE_LABELS: Record<ArticleLanguage, string> = {
  en: "English",
  fr: "French",
  es: "Spanish",
  pt: "Portuguese",
  de: "German",
  it: "Italian",
  nl: "Dutch",
  ar: "Arabic",
};

/** How pasted text is read: as it is, or as HTML reduced to its readable text. */
export const PASTED_TEXT_FORMATS = ["text", "html"] as const;
