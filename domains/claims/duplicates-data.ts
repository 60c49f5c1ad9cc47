import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { checkedRows } from "@/lib/raw-rows";
import { reviewStatusSchema, verdictSchema } from "./schema";
import { sourceSelect } from "./source-record";

/** An earlier fact-check like a claim, as `findSimilarClaims` reads it. */
const similarClaimSchema = z.strictObject({
  id: z.number().int(),
  statement: z.string(),
  articleId: z.number().int(),
  articleTitle: z.string(),
  status: reviewStatusSchema,
  verdict: verdictSchema,
  /** pg_trgm similarity of the two statements, from 0 to 1. */
  similarity: z.number(),
});

export type SimilarClaim = z.infer<typeof similarClaimSchema>;

/** How alike two statements must be (pg_trgm similarity) to be shown: below it, matches are mostly shared names. */
export const SIMILARITY_THRESHOLD = 0.3;
const SIMILAR_LIMIT = 5;

/**
 * Earlier fact-checks like this claim: the verified claims whose statement reads most like its
 * statement (pg_trgm similarity), best first. Verified ones only, since their verdict and sources are
 * what a reviewer can start from, and not retracted ones, whose verdict no longer stands. One query: the nearest statements come from a partial GiST trigram
 * index over verified claims in distance order (`<->` is 1 − similarity), so the cost stays flat
 * however many claims share words with this one; the threshold then drops those not alike enough.
 */
export async function findSimilarClaims(claimId: number): Promise<SimilarClaim[]> {
  return checkedRows(
    similarClaimSchema,
    await db().$queryRaw<unknown[]>`
      SELECT nearest.id, nearest.statement, nearest."articleId", a.title AS "articleTitle", nearest.status, nearest.verdict,
             (1 - nearest.distance)::float8 AS similarity
      FROM "Claim" this
      CROSS JOIN LATERAL (
        SELECT other.id, other.statement, other."articleId", other.status, other.verdict, other.statement <-> this.statement AS distance
        FROM "Claim" other
        WHERE other.status = 'verified' AND other."retractedAt" IS NULL AND other.id <> this.id
        ORDER BY other.statement <-> this.statement
        LIMIT ${SIMILAR_LIMIT}
      ) nearest
      JOIN "Article" a ON a.id = nearest."articleId"
      WHERE this.id = ${claimId} AND nearest.distance <= ${1 - SIMILARITY_THRESHOLD}
      ORDER BY nearest.distance, nearest.id`,
  );
}

/** The earlier claim a duplicate points at, as its page offers it: verdict, rationale and sources. */
export async function getDuplicateTarget(claimId: number, client: Pick<ReturnType<typeof db>, "claim"> = db()) {
  return client.claim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      statement: true,
      status: true,
      retractedAt: true,
      verdict: true,
      rationale: true,
      sources: { select: sourceSelect, orderBy: { id: "asc" } },
    },
  });
}
