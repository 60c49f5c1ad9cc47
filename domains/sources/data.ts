import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

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
