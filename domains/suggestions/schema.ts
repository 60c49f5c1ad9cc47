import { z } from "zod";
import { offsetSchema } from "@/domains/claims/schema";

/** A suggestion is named by its span: dismissing it remembers the span. */
export const dismissalSchema = z
  .strictObject({ startOffset: offsetSchema("start"), endOffset: offsetSchema("end") })
  .refine((span) => span.endOffset > span.startOffset, { path: ["endOffset"], message: "The span must end after it starts." });
export type Dismissal = z.infer<typeof dismissalSchema>;
