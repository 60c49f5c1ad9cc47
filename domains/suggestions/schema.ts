import { z } from "zod";
import { offsetSchema } from "@/domains/claims/schema";
import { REASONS } from "./signals";

/** A suggestion is named by its span: dismissing it remembers the span. */
export const dismissalSchema = z
  .strictObject({ startOffset: offsetSchema("start"), endOffset: offsetSchema("end") })
  .refine((span) => span.endOffset > span.startOffset, {
    path: ["endOffset"],
    message: "The span must end after it starts.",
  });
export type Dismissal = z.infer<typeof dismissalSchema>;

/** The engine's suggestions as stored (ArticleSuggestions.items), checked when read back. */
export const storedSuggestionsSchema = z.array(
  z.object({
    startOffset: z.number().int(),
    endOffset: z.number().int(),
    text: z.string(),
    score: z.number(),
    reasons: z.array(z.enum(REASONS)),
  }),
);
