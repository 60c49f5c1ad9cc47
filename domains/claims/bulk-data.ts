import "server-only";
import { db } from "@/lib/db";

/**
 * The versions of the claims a list page shows, for its selection checkboxes (a bulk change sends the
 * version each claim was seen at). Read after the page's rows, so only where a claim is still as the
 * page listed it (the same `updatedAt`): a claim changed in between has no version here, and the list
 * offers it no checkbox rather than one that would overwrite a change the user has not seen.
 */
export async function versionsAsListed(
  claims: readonly { id: number; updatedAt: Date }[],
): Promise<Map<number, number>> {
  if (claims.length === 0) return new Map();
  const rows = await db().claim.findMany({
    where: { OR: claims.map(({ id, updatedAt }) => ({ id, updatedAt })) },
    select: { id: true, version: true },
  });
  return new Map(rows.map((row) => [row.id, row.version]));
}
