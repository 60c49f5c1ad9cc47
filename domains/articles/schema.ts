import { z } from "zod";
import { optionalWebUrlSchema } from "@/domains/sources/schema";
import { toIsoDate } from "@/lib/dates";
import { jsonObjectErrors, textSchema } from "@/lib/validation";
import { withoutPageFurniture } from "./furniture";
import { htmlToArticleText, normalisePlainText } from "./html";
import {
  ARTICLE_LANGUAGES,
  EARLIEST_PUBLICATION_DATE,
  MAX_ARTICLE_BYLINE_LENGTH,
  MAX_ARTICLE_TITLE_LENGTH,
  MAX_BODY_LENGTH,
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_HTML_LENGTH,
  MAX_UPLOAD_BYTES,
  PASTED_TEXT_FORMATS,
  UPLOAD_EXTENSIONS,
} from "./limits";

const formatCount = (count: number) => count.toLocaleString("en");

/** Title, publisher and author are one line each: runs of whitespace, line breaks included, become one space. */
const asOneLine = (text: string) => text.replace(/\s+/g, " ").trim();

const titleSchema = textSchema("Give the title as text.")
  .transform(asOneLine)
  .pipe(
    z
      .string()
      .min(1, "Give the article's title.")
      .max(MAX_ARTICLE_TITLE_LENGTH, `At most ${formatCount(MAX_ARTICLE_TITLE_LENGTH)} characters.`),
  );

function optionalLineSchema(what: string) {
  return textSchema(`Give the ${what} as text, or null for none.`)
    .transform(asOneLine)
    .pipe(z.string().max(MAX_ARTICLE_BYLINE_LENGTH, `At most ${MAX_ARTICLE_BYLINE_LENGTH} characters.`))
    .nullable()
    .transform((value) => (value === "" ? null : value));
}

/** The last calendar day that has begun somewhere (UTC+14): a date reported from any time zone is not refused as future. */
function latestPossibleToday(): string {
  return toIsoDate(new Date(Date.now() + 14 * 60 * 60 * 1000));
}

function toPublicationDate(text: string, context: z.RefinementCtx<string>): Date {
  const date = new Date(`${text}T00:00:00Z`);
  const refuse = (message: string) => {
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (Number.isNaN(date.getTime()) || toIsoDate(date) !== text) return refuse("This date does not exist.");
  if (text < EARLIEST_PUBLICATION_DATE) return refuse(`Give a date from ${EARLIEST_PUBLICATION_DATE.slice(0, 4)} on.`);
  if (text > latestPossibleToday()) return refuse("The publication date cannot be in the future.");
  return date;
}

const blankAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const publishedAtSchema = z.preprocess(
  blankAsNull,
  textSchema("Give the date as text: YYYY-MM-DD.")
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the date as YYYY-MM-DD.")
    .transform(toPublicationDate)
    .nullable(),
);

const languageSchema = z.enum(ARTICLE_LANGUAGES, {
  error: `Choose the language: one of ${ARTICLE_LANGUAGES.join(", ")}.`,
});

/**
 * The stored text, whichever way it came: without page furniture (furniture.ts), not empty, within the
 * limit. `text` is the article's text before the furniture is taken out.
 */
function checkBody(text: string, context: z.RefinementCtx<string>, what: string): string {
  const body = withoutPageFurniture(text);
  if (text === "") {
    context.addIssue({ code: "custom", message: `${what} is empty.` });
  } else if (body === "") {
    context.addIssue({
      code: "custom",
      message: `${what} holds only a web address, a copyright line or a donate link: give the article itself.`,
    });
  } else if (body.length > MAX_BODY_LENGTH) {
    context.addIssue({
      code: "custom",
      message: `${what} has ${formatCount(body.length)} characters; an article may have at most ${formatCount(MAX_BODY_LENGTH)}.`,
    });
  }
  return body;
}

const bodySchema = textSchema("Give the text as a string.")
  .transform((text, context) => checkBody(normalisePlainText(text), context, "The text"))
  .describe(
    `The article as plain text, stored as it is once line endings are normalised to \\n, the edges trimmed and lines of page furniture dropped (a line that is only a web address, a copyright notice, a donate link): at most ${formatCount(MAX_BODY_LENGTH)} characters. Separate paragraphs with a blank line.`,
  );

const htmlSchema = textSchema("Give the HTML as a string.")
  .max(MAX_HTML_LENGTH, `At most ${formatCount(MAX_HTML_LENGTH)} characters of HTML.`)
  .transform((html, context) => {
    const reduced = htmlToArticleText(html);
    if ("refused" in reduced) {
      context.addIssue({ code: "custom", message: reduced.refused });
      return z.NEVER;
    }
    return checkBody(reduced.text, context, "The readable text of this HTML");
  })
  .describe(
    `An HTML page or fragment. Its readable text is stored (navigation, scripts, headers and footers dropped, and lines of page furniture as for \`body\`; a blank line between paragraphs); that text may have at most ${formatCount(MAX_BODY_LENGTH)} characters. The markup may nest elements at most ${MAX_HTML_DEPTH} levels deep and hold at most ${formatCount(MAX_HTML_ELEMENTS)} elements.`,
  );

/** POST /api/articles: the fields as sent (the text as `body` or `html`). */
export const newArticleRequestSchema = z.strictObject(
  {
    title: titleSchema,
    url: optionalWebUrlSchema.optional(),
    publisher: optionalLineSchema("publisher").optional(),
    author: optionalLineSchema("author").optional(),
    publishedAt: publishedAtSchema
      .optional()
      .describe(
        "The day it was published, YYYY-MM-DD, not in the future. Without it, the day of the import is stored.",
      ),
    language: languageSchema,
    body: bodySchema.optional(),
    html: htmlSchema.optional(),
  },
  jsonObjectErrors,
);

/** The article to store, its text as it will be kept: the one field `body`. */
export const newArticleSchema = newArticleRequestSchema
  .superRefine(
    (input, context) => {
      const given = ["body", "html"].filter((field) => input[field as "body" | "html"] !== undefined);
      if (given.length === 0) {
        context.addIssue({
          code: "custom",
          path: ["body"],
          message: "Give the article's text: `body` (plain text) or `html`.",
        });
      } else if (given.length > 1) {
        context.addIssue({
          code: "custom",
          path: ["html"],
          message: "Give the text once: `body` or `html`, not both.",
        });
      }
    },
    // The other fields' refusals must not hide this one: all come back at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  )
  .transform(({ body, html, ...fields }) => ({ ...fields, body: (body ?? html)! }));
export type NewArticle = z.infer<typeof newArticleSchema>;

const uploadExtension = (fileName: string) => fileName.slice(fileName.lastIndexOf(".")).toLowerCase();

/**
 * The form: the same fields as the API, the text pasted (as plain text or HTML) or uploaded. The
 * server action reads an uploaded file into `fileName` and `fileText` (or `fileTooLarge`). Refusals
 * of the text come back on the control it came from, `text` or `file`.
 */
export const articleFormSchema = z
  .strictObject({
    title: z.string().default(""),
    url: z.string().optional(),
    publisher: z.string().optional(),
    author: z.string().optional(),
    publishedAt: z.string().optional(),
    language: z.string().default(""),
    format: z.enum(PASTED_TEXT_FORMATS, { error: "Choose plain text or HTML." }).default("text"),
    text: z.string().default(""),
    fileName: z.string().optional(),
    fileText: z.string().optional(),
    fileTooLarge: z.literal("true").optional(),
  })
  .transform(({ format, text, fileName, fileText, fileTooLarge, ...fields }, context) => {
    const refuse = (field: "text" | "file", message: string) =>
      context.addIssue({ code: "custom", path: [field], message });
    const pasted = text.trim() !== "";
    let source: { body: string } | { html: string } | undefined;
    if (pasted && fileName !== undefined) {
      refuse("file", "Paste the text or upload a file, not both.");
    } else if (fileName !== undefined) {
      const extension = uploadExtension(fileName);
      if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(extension)) {
        refuse("file", `Upload a ${UPLOAD_EXTENSIONS.join(", ")} file.`);
      } else if (fileTooLarge) {
        refuse("file", `The file is larger than ${formatCount(MAX_UPLOAD_BYTES / 1_000_000)} MB.`);
      } else {
        const content = fileText ?? "";
        source = extension === ".html" || extension === ".htm" ? { html: content } : { body: content };
      }
    } else if (pasted) {
      source = format === "html" ? { html: text } : { body: text };
    } else {
      refuse("text", "Paste the article's text, or upload a file.");
    }
    const parsed = newArticleSchema.safeParse({ ...fields, ...source });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field !== "body" && field !== "html")
        context.addIssue({ code: "custom", path: issue.path, message: issue.message });
      else if (source) refuse(fileName === undefined ? "text" : "file", issue.message);
    }
    return z.NEVER;
  });
