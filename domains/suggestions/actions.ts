"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/domains/users/session";
import { idFieldSchema } from "@/lib/validation";
import { dismissSuggestion } from "./mutations";
import { dismissalSchema } from "./schema";

export const dismissSuggestionFromForm = formAction(
  z.object({
    articleId: idFieldSchema(),
    startOffset: z.string(),
    endOffset: z.string(),
  }),
  async (form, user) => {
    await dismissSuggestion(
      user,
      form.articleId,
      dismissalSchema.parse({ startOffset: form.startOffset, endOffset: form.endOffset }),
    );
    revalidatePath(`/articles/${form.articleId}`);
    return "Suggestion dismissed: it will not be suggested again.";
  },
);
