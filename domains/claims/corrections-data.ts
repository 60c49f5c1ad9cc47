import "server-only";
import { db } from "@/lib/db";

/** The corrections log: every reopened verdict, newest first, in one query. */
export async function listCorrections() {
  return db().correction.findMany({
    select: {
      id: true,
      reason: true,
      previousVerdict: true,
      newVerdict: true,
      reopenedAt: true,
      resolvedAt: true,
      reopenedBy: { select: { name: true } },
      claim: { select: { id: true, statement: true, status: true } },
    },
    orderBy: [{ reopenedAt: "desc" }, { id: "desc" }],
  });
}
