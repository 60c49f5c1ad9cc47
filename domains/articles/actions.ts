"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/action";
import { MAX_UPLOAD_BYTES } from "./limits";
import { createArticle } from "./mutations";
import { articleFormSchema } from "./schema";

/** Set here from the uploaded file, never taken from what the browser sent, and never sent back to it. */
const UPLOAD_FIELDS = new Set(["fileName", "fileText", "fileTooLarge"]);

const submitArticle = formAction(articleFormSchema, async (input, user) => {
  const article = await createArticle(user, input);
  redirect(`/articles/${article.id}`);
});

/**
 * The import form: an uploaded file is read here (a browser sends an empty file when none is chosen,
 * so an empty file counts as none), then the form goes through formAction like every other. On success the browser goes
 * to the new article's page.
 */
export async function importArticleFromForm(previous: ActionState, formData: FormData): Promise<ActionState> {
  const fields = new FormData();
  for (const [name, value] of formData) {
    if (typeof value === "string" && !UPLOAD_FIELDS.has(name)) fields.append(name, value);
  }
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    fields.set("fileName", file.name);
    if (file.size > MAX_UPLOAD_BYTES) fields.set("fileTooLarge", "true");
    else fields.set("fileText", await file.text());
  }
  const state = await submitArticle(previous, fields);
  if (state.status !== "error") return state;
  return { ...state, values: Object.fromEntries(Object.entries(state.values).filter(([name]) => !UPLOAD_FIELDS.has(name))) };
}
