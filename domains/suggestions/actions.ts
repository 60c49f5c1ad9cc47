"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/domains/users/session";
import { dismissSuggestion } from "./mutations";
import { dismissalSchema } from "./schema";

export const dismissSuggestionFromForm = formAction(
  z.object({
    articleId: z.coerce.number().int().min(1).max(2_147_483_647),
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
