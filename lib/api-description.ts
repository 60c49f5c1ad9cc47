import { z } from "zod";
import type { oas31, ZodOpenApiOperationObject, ZodOpenApiResponseObject } from "zod-openapi";
import { idSchema } from "@/lib/validation";

/**
 * The pieces every domain's API description (`domains/<domain>/api.ts`) is made of, in zod, which
 * zod-openapi turns into OpenAPI 3.1 (the assembly is app/api/openapi.json/document.ts). What is
 * here is what lib/api.ts answers whatever the domain: the error body, the statuses of its helpers.
 */

export const HTTP_METHODS = ["get", "post", "put", "patch", "delete"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One operation, declared by the domain it belongs to; the fields people read are required. */
export interface ApiOperation {
  path: string;
  method: HttpMethod;
  operation: ZodOpenApiOperationObject & { operationId: string; tags: [string]; summary: string; description: string };
}

/** What a domain contributes to the document: its operations and the tags it introduces. */
export interface ApiDescription {
  tags: oas31.TagObject[];
  operations: ApiOperation[];
}

/** No session needed: an empty list of requirements (the document's default asks for the session cookie). */
export const PUBLIC: oas31.SecurityRequirementObject[] = [];

/** lib/api.ts's `jsonError`: every refusal of a route handler has this body (a 409 adds its details). */
export const errorSchema = z
  .strictObject({
    error: z.string().meta({ description: "What went wrong, in a sentence a person can act on." }),
    fields: z.record(z.string(), z.array(z.string())).optional().meta({
      description: "For invalid input: each field at fault (`_` for the body as a whole) with what is wrong with it.",
    }),
  })
  .meta({ id: "Error" });

export function jsonResponse(
  schema: z.ZodType,
  description: string,
  mediaType = "application/json",
): ZodOpenApiResponseObject {
  return { description, content: { [mediaType]: { schema } } };
}

export function jsonBody(schema: z.ZodType) {
  return { required: true, content: { "application/json": { schema } } };
}

export function errorResponse(description: string): ZodOpenApiResponseObject {
  return jsonResponse(errorSchema, description);
}

export function badRequest(what: string): ZodOpenApiResponseObject {
  return errorResponse(
    `${what} \`fields\` names each field at fault and says why; unknown fields and missing or broken JSON are refused.`,
  );
}

export function forbiddenWrite(reasons: string): ZodOpenApiResponseObject {
  return errorResponse(
    `${reasons} Also any write sent from a page of another site (an \`Origin\` that is not this host).`,
  );
}

export function notFound(what: string): ZodOpenApiResponseObject {
  return errorResponse(`${what} A malformed id is a 404 too.`);
}

export const unauthorized = errorResponse(
  "Not signed in, or the session has ended (a deactivated user's sessions end at once).",
);
export const databaseUnavailable = errorResponse("The database is unavailable: try again in a few seconds.");
export const bodyTooLarge = errorResponse("The request body is larger than 1 MB.");

/** A row id in the path, as `parseId` reads it: anything else names no row, so 404. */
export function pathId(description: string) {
  return idSchema.meta({ description: `${description} A malformed or unknown id answers 404.` });
}

/**
 * The fields of a query schema, each with its description: the same field schemas that validate
 * the query, so the parameters cannot say otherwise than the server.
 */
export function describedQuery<Shape extends Record<string, z.ZodType>>(
  schema: z.ZodObject<Shape>,
  descriptions: Record<keyof Shape & string, string>,
) {
  return z.object(
    Object.fromEntries(
      Object.entries(schema.shape).map(([name, field]) => [name, field.meta({ description: descriptions[name] })]),
    ),
  );
}

/** Dates in JSON: what `Response.json` makes of a Date, and of a calendar day written by `toIsoDate`. */
export const dateTime = z.iso.datetime();
export const calendarDate = z.iso.date();
