"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/domains/users/session";
import { MAX_UPLOAD_BYTES } from "./limits";
import { assertMayAddArticles, createArticle } from "./mutations";
import { articleFormSchema } from "./schema";

/** Set here from the uploaded file, never taken from what the browser sent, and never sent back to it. */
const UPLOAD_FIELDS = ["fileName", "fileText", "fileTooLarge"];

/**
 * The typed fields as sent, less the upload's: the article's schema reads them, with the upload, once
 * the role allows the import.
 */
const typedFieldsSchema = z
  .record(z.string(), z.string())
  .transform((fields) => Object.fromEntries(Object.entries(fields).filter(([name]) => !UPLOAD_FIELDS.includes(name))));

/** The upload as the form's schema takes it; a browser sends an empty file when none is chosen, so an empty file counts as none. */
async function uploadFields(file: FormDataEntryValue | null): Promise<Record<string, string>> {
  if (!(file instanceof File) || file.size === 0) return {};
  if (file.size > MAX_UPLOAD_BYTES) return { fileName: file.name, fileTooLarge: "true" };
  return { fileName: file.name, fileText: await file.text() };
}

/**
 * The import form, on formAction like every other: the role is checked first, then the upload is read
 * and the form parsed (reducing HTML is the costly part, and nobody refused should make the server do
 * it: the API route checks first too). On success the browser goes to the new article's page.
 */
export async function importArticleFromForm(previous: ActionState, formData: FormData): Promise<ActionState> {
  const submitArticle = formAction(
    typedFieldsSchema,
    async (fields, user) => {
      assertMayAddArticles(user);
      const input = articleFormSchema.parse({ ...fields, ...(await uploadFields(formData.get("file"))) });
      const article = await createArticle(user, input);
      redirect(`/articles/${article.id}`);
    },
    { neverEcho: UPLOAD_FIELDS },
  );
  return submitArticle(previous, formData);
}
