import { listClaims } from "@/domains/claims/data";
import { claimListQuerySchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { jsonError } from "@/lib/api";
import { fieldErrorsOf, searchParamsToObject } from "@/lib/validation";

export const GET = authenticatedRoute(async ({ request, user }) => {
  const parsed = claimListQuerySchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success) return jsonError(400, "Invalid query parameters.", fieldErrorsOf(parsed.error));
  return Response.json(await listClaims(parsed.data, user));
});
