import { buildOpenApiDocument } from "./document";

// Public, like the page that renders it: the API's description is no secret.
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
