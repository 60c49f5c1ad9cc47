import { bulkChangeClaims } from "@/domains/claims/bulk-mutations";
import { bulkClaimChangeSchema } from "@/domains/claims/schema";
import { authenticatedRoute } from "@/domains/users/session";
import { parseBody } from "@/lib/api";

export const POST = authenticatedRoute(async ({ request, user }) => {
  const input = await parseBody(request, bulkClaimChangeSchema, "Invalid bulk change.");
  if (!input.ok) return input.response;
  return Response.json({ claims: await bulkChangeClaims(user, input.data) });
});
