import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { checkedRows } from "@/lib/raw-rows";

const writerRowSchema = z.strictObject({ claimId: z.number().int(), actorId: z.string() });

/**
 * Who wrote any of the verdict or rationale under review, for each of the claims: the actors of
 * events that set either (an edit, a start or proposal that edited, a verdict taken from a duplicate)
 * since the claim was created or last reopened. Approvals repeat the verdict in their event but do not
 * write it. The two-person rule (rules.ts mayApprove) reads it: approving in a transaction, and the
 * review queue for the claims it lists. One statement whatever the number of claims.
 */
export async function verdictWritersOf(
  client: Pick<Prisma.TransactionClient, "$queryRaw">,
  claimIds: readonly number[],
): Promise<Map<number, string[]>> {
  const writers = new Map(claimIds.map((id) => [id, [] as string[]]));
  if (claimIds.length === 0) return writers;
  const rows = checkedRows(
    writerRowSchema,
    await client.$queryRaw<unknown[]>`
      SELECT DISTINCT e."claimId", e."actorId" FROM "ClaimEvent" e
      WHERE e."claimId" = ANY(${[...claimIds]}::int[]) AND e."actorId" IS NOT NULL
        AND e.action NOT IN ('approved', 'correction_approved')
        AND e.after ?| array['verdict', 'rationale']
        AND e.id > COALESCE((SELECT max(r.id) FROM "ClaimEvent" r WHERE r."claimId" = e."claimId" AND r.action = 'reopened'), 0)`,
  );
  for (const row of rows) writers.get(row.claimId)?.push(row.actorId);
  return writers;
}
