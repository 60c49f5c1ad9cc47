import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { oas31 } from "zod-openapi";
import { buildOpenApiDocument, listOperations } from "@/app/api/openapi.json/document";
import { newArticleRequestSchema } from "@/domains/articles/schema";
import {
  claimExportQuerySchema,
  claimListQuerySchema,
  claimPatchSchema,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  reviewSchema,
} from "@/domains/claims/schema";
import { newSourceSchema, sourcePatchSchema, sourceRemovalSchema } from "@/domains/sources/schema";

const API_DIRECTORY = path.resolve(import.meta.dirname, "../../app/api");

/** Better Auth's catch-all serves many endpoints; the document describes the two that clients need. */
const CATCH_ALL_OPERATIONS: Record<string, string[]> = {
  "/api/auth/[...all]": ["POST /api/auth/sign-in/email", "POST /api/auth/sign-out"],
};

const EXPORTED_HANDLER = /export\s+(?:const\s+|(?:async\s+)?function\s+)(GET|POST|PUT|PATCH|DELETE)\b/g;

/** The URL path Next serves a route file at: route groups vanish, `[id]` is the OpenAPI `{id}`. */
function urlPathOf(routeFile: string): string {
  const segments = path
    .dirname(routeFile)
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}"));
  return ["/api", ...segments].join("/");
}

/** "METHOD /path" for every handler exported by a route file under app/api, read as text so nothing of Next is loaded. */
function routeHandlers(): string[] {
  const routeFiles = readdirSync(API_DIRECTORY, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts",
  );
  return routeFiles.flatMap((routeFile) => {
    const source = readFileSync(path.join(API_DIRECTORY, routeFile), "utf8");
    const methods = [...source.matchAll(EXPORTED_HANDLER)].map((match) => match[1]!);
    const urlPath = urlPathOf(routeFile);
    const catchAll = CATCH_ALL_OPERATIONS[urlPath];
    if (urlPath.includes("[...")) {
      expect(catchAll, `${routeFile} is a catch-all: say which documented operations it serves`).toBeDefined();
      for (const pair of catchAll!) expect(methods, `${routeFile} serves ${pair}`).toContain(pair.split(" ")[0]);
      return catchAll!;
    }
    expect(methods, `${routeFile} exports a handler`).not.toEqual([]);
    return methods.map((method) => `${method} ${urlPath}`);
  });
}

const document = buildOpenApiDocument();
const operations = listOperations(document);
const documented = operations.map(({ method, path: urlPath }) => `${method.toUpperCase()} ${urlPath}`);

function operation(pair: string) {
  const found = operations.find(({ method, path: urlPath }) => `${method.toUpperCase()} ${urlPath}` === pair);
  if (!found) throw new Error(`${pair} is not documented`);
  return found.operation;
}

function jsonBodySchema(pair: string): oas31.SchemaObject {
  const schema = operation(pair).requestBody?.content["application/json"]?.schema;
  if (typeof schema !== "object" || "$ref" in schema) throw new Error(`${pair} has no JSON body schema`);
  return schema;
}

function property(schema: oas31.SchemaObject, name: string): oas31.SchemaObject {
  const found = schema.properties?.[name];
  if (typeof found !== "object" || "$ref" in found) throw new Error(`no property ${name}`);
  return found;
}

function componentSchema(name: string): oas31.SchemaObject {
  const schema = document.components?.schemas?.[name];
  if (!schema || "$ref" in schema) throw new Error(`no component schema ${name}`);
  return schema;
}

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
  );
}

function resolvePointer(root: unknown, ref: string): unknown {
  return ref
    .slice(2)
    .split("/")
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>(
      (node, token) =>
        typeof node === "object" && node !== null ? (node as Record<string, unknown>)[token] : undefined,
      root,
    );
}

describe("the OpenAPI document and the route handlers", () => {
  it("documents every handler under app/api", () => {
    expect(routeHandlers().filter((pair) => !documented.includes(pair))).toEqual([]);
  });

  it("has a handler for every documented operation", () => {
    const handlers = routeHandlers();
    expect(documented.filter((pair) => !handlers.includes(pair))).toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  it("looks like OpenAPI 3.1", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.servers).toEqual([{ url: "/" }]);
    expect(document.info.title).not.toBe("");
    const operationIds = operations.map(({ operation: { operationId } }) => operationId);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    const tagNames = (document.tags ?? []).map((tag) => tag.name);
    for (const { path: urlPath, method, operation: described } of operations) {
      const name = `${method.toUpperCase()} ${urlPath}`;
      expect(described.summary, name).not.toBe("");
      expect(described.description, name).not.toBe("");
      expect(tagNames, name).toEqual(expect.arrayContaining(described.tags));
      expect(Object.keys(described.responses).length, name).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(described.responses)) {
        expect(status, name).toMatch(/^[1-5][0-9]{2}$/);
        expect(response.description, `${name} ${status}`).not.toBe("");
      }
      const templated = [...urlPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const declared = (described.parameters ?? []).filter((parameter) => parameter.in === "path");
      expect(
        declared.map((parameter) => parameter.name),
        name,
      ).toEqual(templated);
      expect(
        declared.every((parameter) => parameter.required),
        name,
      ).toBe(true);
    }
  });

  it("resolves every $ref", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//);
      expect(resolvePointer(document, ref), ref).toBeTypeOf("object");
    }
  });

  it("needs the session cookie except for the public operations", () => {
    expect(document.components?.securitySchemes?.session).toMatchObject({
      type: "apiKey",
      in: "cookie",
      name: "better-auth.session_token",
    });
    expect(document.security).toEqual([{ session: [] }]);
    const publicOperations = operations
      .filter(({ operation: described }) => described.security?.length === 0)
      .map(({ method, path: urlPath }) => `${method.toUpperCase()} ${urlPath}`);
    expect(publicOperations.sort()).toEqual(
      [
        "GET /api/claims/{id}/claimreview",
        "GET /api/articles/{id}/claimreview",
        "GET /api/oembed",
        "GET /api/openapi.json",
        "GET /api/health",
        "POST /api/auth/sign-in/email",
      ].sort(),
    );
    for (const { operation: described } of operations) {
      if (described.security === undefined) expect(described.responses["401"], described.operationId).toBeDefined();
    }
  });

  it("describes errors as { error, fields? }, and a stale version with current and lastChange", () => {
    const errorSchema = componentSchema("Error");
    expect(errorSchema.required).toEqual(["error"]);
    expect(Object.keys(errorSchema.properties ?? {})).toEqual(["error", "fields"]);
    const conflict = componentSchema("Conflict");
    expect(conflict.required).toEqual(expect.arrayContaining(["error", "current", "lastChange"]));
    // A bulk change names every stale claim with its version instead of one claim's values.
    expect(componentSchema("BulkConflict").required).toEqual(["error", "conflicts"]);
    for (const { operation: described } of operations) {
      const stale = described.responses["409"]?.content?.["application/json"]?.schema;
      const conflictSchema = described.operationId === "changeClaimsInBulk" ? "BulkConflict" : "Conflict";
      if (stale) expect(stale, described.operationId).toEqual({ $ref: `#/components/schemas/${conflictSchema}` });
    }
  });

  it("answers the statuses each write can give", () => {
    const writes = operations.filter(
      ({ method, path: urlPath }) => method !== "get" && !urlPath.startsWith("/api/auth/"),
    );
    expect(writes.length).toBeGreaterThan(0);
    for (const { path: urlPath, operation: described } of writes) {
      const statuses = ["400", "401", "403", "503"];
      // A write to a row named in the path may find none; one that sends the version it saw, a newer one.
      if (urlPath.includes("{")) statuses.push("404");
      const body = described.requestBody?.content["application/json"]?.schema;
      if (body && "properties" in body && body.properties?.version !== undefined) statuses.push("409");
      expect(Object.keys(described.responses), described.operationId).toEqual(expect.arrayContaining(statuses));
    }
    expect(Object.keys(operation("POST /api/claims/{id}/sources").responses)).toContain("201");
    expect(Object.keys(operation("POST /api/articles").responses)).toEqual(expect.arrayContaining(["201", "413"]));
    expect(Object.keys(operation("POST /api/auth/sign-in/email").responses)).toContain("429");
  });
});

describe("the OpenAPI document, generated from the zod schemas", () => {
  it("takes each request body from the schema that validates it", () => {
    const claimPatch = jsonBodySchema("PATCH /api/claims/{id}");
    expect(Object.keys(claimPatch.properties ?? {})).toEqual(Object.keys(claimPatchSchema.shape));
    expect(claimPatch.additionalProperties).toBe(false);
    expect(claimPatch.required).toEqual(["version"]);

    const review = jsonBodySchema("POST /api/claims/{id}/review");
    expect(property(review, "decision").enum).toEqual(["approve", "send_back"]);
    expect(property(review, "decision").enum).toEqual(reviewSchema.shape.decision.options);

    const bodies = {
      "POST /api/articles": newArticleRequestSchema,
      "POST /api/claims/{id}/sources": newSourceSchema,
      "PATCH /api/claims/{id}/sources/{sourceId}": sourcePatchSchema,
      "DELETE /api/claims/{id}/sources/{sourceId}": sourceRemovalSchema,
    };
    for (const [pair, schema] of Object.entries(bodies)) {
      const body = jsonBodySchema(pair);
      expect(Object.keys(body.properties ?? {}), pair).toEqual(Object.keys(schema.shape));
      expect(body.additionalProperties, pair).toBe(false);
    }
  });

  it("describes what clients send, not what the server makes of it", () => {
    const version = property(jsonBodySchema("POST /api/claims/{id}/reopen"), "version");
    expect(version.anyOf).toEqual([{ type: "number" }, expect.objectContaining({ type: "string" })]);
    expect(property(jsonBodySchema("POST /api/claims/{id}/sources"), "url")).toMatchObject({
      type: "string",
      maxLength: 2048,
    });
    expect(property(jsonBodySchema("PATCH /api/claims/{id}"), "status").enum).toContain("awaiting_second_review");
    expect(JSON.stringify(document)).not.toContain('"$schema"');
  });

  it("makes one query parameter of each field of the list query", () => {
    const listParameters = operation("GET /api/claims").parameters ?? [];
    expect(listParameters.map((parameter) => parameter.name)).toEqual(Object.keys(claimListQuerySchema.shape));
    expect(
      listParameters.every(
        (parameter) => parameter.in === "query" && !parameter.required && parameter.description !== "",
      ),
    ).toBe(true);
    expect(listParameters.find((parameter) => parameter.name === "pageSize")?.schema).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
    });

    const exportParameters = operation("GET /api/claims/export.csv").parameters ?? [];
    expect(exportParameters.map((parameter) => parameter.name)).toEqual(Object.keys(claimExportQuerySchema.shape));
    expect(exportParameters.map((parameter) => parameter.name)).not.toContain("page");
    expect(operation("GET /api/claims/export.csv").responses["200"]?.content).toHaveProperty("text/csv");
  });

  it("documents the sign-in body as email and password", () => {
    const signIn = jsonBodySchema("POST /api/auth/sign-in/email");
    expect(Object.keys(signIn.properties ?? {})).toEqual(["email", "password"]);
    expect(signIn.required).toEqual(["email", "password"]);
  });
});

describe("GET /api/openapi.json", () => {
  it("serves the document, cacheable by anyone for 5 minutes", async () => {
    const { GET } = await import("@/app/api/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
