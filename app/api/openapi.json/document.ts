import { z } from "zod";
import { createDocument, type oas31, type ZodOpenApiOverride, type ZodOpenApiPathsObject } from "zod-openapi";
import { articlesApi } from "@/domains/articles/api";
import { claimsApi } from "@/domains/claims/api";
import { publishingApi } from "@/domains/publishing/api";
import { sourcesApi } from "@/domains/sources/api";
import { suggestionsApi } from "@/domains/suggestions/api";
import { SESSION_COOKIE, usersApi } from "@/domains/users/api";
import * as apiDoc from "@/lib/api-description";
import packageJson from "@/package.json";

/** The app's own operations, which belong to no domain: this document, and the health check. */
const serviceApi: apiDoc.ApiDescription = {
  tags: [],
  operations: [
    {
      path: "/api/openapi.json",
      method: "get",
      operation: {
        operationId: "getOpenApiDocument",
        tags: ["Publishing"],
        summary: "Get this API description",
        description:
          "Public: no session needed. This OpenAPI 3.1 document, generated from the zod schemas that validate the requests and describe the answers. Caches may keep it for 5 minutes.",
        security: apiDoc.PUBLIC,
        responses: {
          "200": apiDoc.jsonResponse(
            z.looseObject({}).meta({ description: "An OpenAPI 3.1 document." }),
            "This document.",
          ),
        },
      },
    },
    {
      path: "/api/health",
      method: "get",
      operation: {
        operationId: "getHealth",
        tags: ["Publishing"],
        summary: "Check that the app and its database answer",
        description:
          "Public: no session needed, for load balancers and uptime checks. 200 once the database answers a statement; 503 while it does not. Never cached.",
        security: apiDoc.PUBLIC,
        responses: {
          "200": apiDoc.jsonResponse(z.strictObject({ status: z.literal("ok") }), "The app and its database answer."),
          "503": apiDoc.databaseUnavailable,
        },
      },
    },
  ],
};

/** Each domain's description, in the order the document (and the reference page) lists them. */
const DESCRIPTIONS: apiDoc.ApiDescription[] = [
  articlesApi,
  suggestionsApi,
  claimsApi,
  sourcesApi,
  publishingApi,
  serviceApi,
  usersApi,
];

/** Every documented operation, with its zod schemas (the contract test validates the answers with them). */
export const API_OPERATIONS: apiDoc.ApiOperation[] = DESCRIPTIONS.flatMap((description) => description.operations);

function pathsOf(operations: apiDoc.ApiOperation[]): ZodOpenApiPathsObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const { path, method, operation } of operations) {
    const item = (paths[path] ??= {});
    if (item[method]) throw new Error(`${method.toUpperCase()} ${path} is described twice.`);
    item[method] = operation;
  }
  return paths;
}

/**
 * zod writes the safe-integer range on every `z.int()` and its regular expression beside
 * `format: date` and `format: date-time`; neither tells a reader anything the type and format do not.
 */
const withoutNoise: ZodOpenApiOverride = ({ jsonSchema }) => {
  if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
  if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
  if (jsonSchema.format === "date" || jsonSchema.format === "date-time") delete jsonSchema.pattern;
};

export function buildOpenApiDocument(): oas31.OpenAPIObject {
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Fact-check desk API",
        version: packageJson.version,
        description: [
          "Every claim of an article, its sources, verdict, second review and history. Request bodies and query parameters are described by the same zod schemas that validate them on the server, and every answer by a zod schema that the tests hold the routes to.",
          "Sign in with POST /api/auth/sign-in/email and send back the cookie it sets. Writes sent from a page of another site (an `Origin` that is not this host) are refused.",
          "Errors are JSON `{ error, fields? }`: 400 invalid input (with the fields at fault), 401 not signed in, 403 not allowed (role, workflow state, or the proposer reviewing their own verdict), 404 unknown id, 409 stale `version` (with `current` and `lastChange`), 429 too many failed sign-ins, 503 database unavailable.",
        ].join("\n\n"),
      },
      servers: [{ url: "/" }],
      tags: DESCRIPTIONS.flatMap((description) => description.tags),
      security: [{ session: [] }],
      paths: pathsOf(API_OPERATIONS),
      components: {
        securitySchemes: {
          session: {
            type: "apiKey",
            in: "cookie",
            name: SESSION_COOKIE,
            description: `The session cookie set by POST /api/auth/sign-in/email (named \`__Secure-${SESSION_COOKIE}\` over HTTPS).`,
          },
        },
      },
    },
    { override: withoutNoise },
  );
}

/** An operation of the generated document as readers use it: its texts there, nothing behind a `$ref` but schemas. */
export interface DocumentedOperation {
  path: string;
  method: apiDoc.HttpMethod;
  operation: Pick<apiDoc.ApiOperation["operation"], "operationId" | "tags" | "summary" | "description" | "security"> & {
    parameters: oas31.ParameterObject[];
    requestBody?: oas31.RequestBodyObject;
    responses: Record<string, oas31.ResponseObject>;
  };
}

function isReference(value: object): value is oas31.ReferenceObject {
  return "$ref" in value && typeof value.$ref === "string";
}

function inline<T extends object>(value: T | oas31.ReferenceObject, where: string): T {
  if (isReference(value)) throw new Error(`${where} is a $ref: the document inlines parameters, bodies and responses.`);
  return value;
}

/** Every operation of a generated document, in its order, with the texts its description gave it. */
export function listOperations(document: oas31.OpenAPIObject): DocumentedOperation[] {
  return API_OPERATIONS.map(({ path, method, operation: { operationId, tags, summary, description, security } }) => {
    const name = `${method.toUpperCase()} ${path}`;
    const generated = document.paths?.[path]?.[method];
    if (!generated) throw new Error(`${name} is missing from the document.`);
    return {
      path,
      method,
      operation: {
        operationId,
        tags,
        summary,
        description,
        security,
        parameters: (generated.parameters ?? []).map((parameter) => inline(parameter, `A parameter of ${name}`)),
        requestBody: generated.requestBody && inline(generated.requestBody, `The body of ${name}`),
        responses: Object.fromEntries(
          Object.entries(generated.responses ?? {}).map(([status, response]) => [
            status,
            inline<oas31.ResponseObject>(response, `The ${status} of ${name}`),
          ]),
        ),
      },
    };
  });
}
