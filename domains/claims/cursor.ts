import { z } from "zod";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { MAX_DB_INTEGER } from "@/lib/validation";
import { type ClaimSort, REVIEW_STATUSES, VERDICTS } from "./labels";

/**
 * A keyset cursor: the sort key of the last claim a client has seen, so the next page starts right
 * after it through the order's index instead of skipping `(page - 1) × pageSize` rows. Page 5,000 then
 * costs what page 1 does. It names its order, and is refused with another one.
 */
export type ClaimCursor =
  | { sort: "position"; key: [articleId: number, startOffset: number, endOffset: number] }
  | { sort: "status"; key: [status: ReviewStatus, articleId: number, startOffset: number, endOffset: number] }
  | { sort: "verdict"; key: [verdict: Verdict, articleId: number, startOffset: number, endOffset: number] }
  | { sort: "recent"; key: [updatedAt: string, id: number] };

export interface CursorRow {
  id: number;
  articleId: number;
  startOffset: number;
  endOffset: number;
  status: ReviewStatus;
  verdict: Verdict;
  updatedAt: Date;
}

/** An id or a character offset. */
const rowInteger = z.number().int().min(0).max(MAX_DB_INTEGER);
const span = [rowInteger, rowInteger, rowInteger] as const;

const cursorPayloadSchema = z.discriminatedUnion("sort", [
  z.strictObject({ sort: z.literal("position"), key: z.tuple([...span]) }),
  z.strictObject({ sort: z.literal("status"), key: z.tuple([z.enum(REVIEW_STATUSES), ...span]) }),
  z.strictObject({ sort: z.literal("verdict"), key: z.tuple([z.enum(VERDICTS), ...span]) }),
  z.strictObject({ sort: z.literal("recent"), key: z.tuple([z.iso.datetime(), rowInteger]) }),
]);

export function encodeCursor(sort: ClaimSort, row: CursorRow): string {
  const span = [row.articleId, row.startOffset, row.endOffset] as const;
  const cursor: ClaimCursor =
    sort === "position"
      ? { sort, key: [...span] }
      : sort === "status"
        ? { sort, key: [row.status, ...span] }
        : sort === "verdict"
          ? { sort, key: [row.verdict, ...span] }
          : { sort, key: [row.updatedAt.toISOString(), row.id] };
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor a response gave, or null for anything else (edited, truncated, made up). */
export function decodeCursor(text: string): ClaimCursor | null {
  try {
    const parsed = cursorPayloadSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
