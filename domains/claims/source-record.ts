import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A source as the claims domain reads it: sources are the evidence attached to a claim, shown with it
 * and recorded in its history, so their shape lives here and the sources domain builds on it.
 */

/** A source as pages and the API show it: its fields and who added it (id and name, nothing else). */
export const sourceSelect = {
  id: true,
  claimId: true,
  url: true,
  title: true,
  publisher: true,
  excerpt: true,
  stance: true,
  archiveUrl: true,
  addedAt: true,
  addedBy: { select: { id: true, name: true } },
} satisfies Prisma.SourceSelect;

export type SourceRecord = Prisma.SourceGetPayload<{ select: typeof sourceSelect }>;

/** What a user writes of a source; the claim's history records these (and the id) when one is added or removed. */
export const SOURCE_FIELDS = ["url", "title", "publisher", "excerpt", "stance", "archiveUrl"] as const;

export type SourceFields = Pick<SourceRecord, (typeof SOURCE_FIELDS)[number]>;
