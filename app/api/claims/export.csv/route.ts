import { listClaimsForExport } from "@/domains/claims/data";
import { claimExportQuerySchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { jsonError } from "@/lib/api";
import { toCsv } from "@/lib/csv";
import { fieldErrorsOf, searchParamsToObject } from "@/lib/validation";

const HEADER = [
  "id",
  "article",
  "quote",
  "statement",
  "status",
  "verdict",
  "rationale",
  "assignee",
  "source count",
  "source urls",
  "last change",
  "verified by",
  "verified at",
] as const;

/** A file name that says what the view was: claims-status-verified-2024-05-31.csv. */
function fileName(filters: Record<string, unknown>): string {
  const parts = Object.entries(filters)
    .filter(([key, value]) => key !== "sort" && value !== undefined)
    .map(([key, value]) => `${key}-${String(value)}`)
    .join("-")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .slice(0, 80);
  return `claims${parts ? `-${parts}` : ""}-${new Date().toISOString().slice(0, 10)}.csv`;
}

export const GET = authenticatedRoute(async ({ request, user }) => {
  const parsed = claimExportQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Invalid query parameters.", fieldErrorsOf(parsed.error));
  const rows = await listClaimsForExport(parsed.data, user);
  const csv = toCsv(
    HEADER,
    rows.map((row) => [
      row.id,
      row.articleTitle,
      row.quote,
      row.statement,
      row.status,
      row.verdict,
      row.rationale,
      row.assigneeName,
      Number(row.sourceCount),
      row.sourceUrls,
      row.updatedAt.toISOString(),
      row.verifiedByName,
      row.verifiedAt?.toISOString(),
    ]),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${fileName(parsed.data)}"`,
      "cache-control": "no-store",
    },
  });
});
