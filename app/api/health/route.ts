import { handleErrors } from "@/lib/api";
import { pingDatabase } from "@/lib/db";

// Public, for load balancers and uptime checks in front of several app instances: 200 once the
// database answers one statement, 503 (from handleErrors) while it does not. Never cached.
export const GET = handleErrors(async () => {
  await pingDatabase();
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
});
