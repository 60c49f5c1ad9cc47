import { z } from "zod";

const offset = (name: string) =>
  z.coerce.number({ error: `The ${name} must be a character position.` }).int(`The ${name} must be a whole number.`).min(0, `The ${name} cannot be negative.`).max(2_147_483_647, `The ${name} is past the end of any article.`);

/** A suggestion is named by its span: dismissing it remembers the span. */
export const dismissalSchema = z
  .strictObject({ startOffset: offset("start"), endOffset: offset("end") })
  .refine((span) => span.endOffset > span.startOffset, { path: ["endOffset"], message: "The span must end after it starts." });
export type Dismissal = z.infer<typeof dismissalSchema>;
