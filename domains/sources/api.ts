import { z } from "zod";
import { claimIdPath, sourceSchema, staleVersion, VERSION_RULE } from "@/domains/claims/api";
import * as apiDoc from "@/lib/api-description";
import { newSourceSchema, sourcePatchSchema, sourceRemovalSchema } from "./schema";

const sourceChangeSchema = sourceSchema.extend({ claimVersion: z.int() }).meta({
  id: "SourceChange",
  description: "The source and the claim's new `version` (`claimVersion`), to send with the next write.",
});

const sourceRemovedSchema = z.strictObject({ id: z.int(), claimVersion: z.int() }).meta({ id: "SourceRemoved" });

const sourcePath = claimIdPath.extend({ sourceId: apiDoc.pathId("The source's id, on this claim.") });

const SOURCE_RULE =
  "Any signed-in user may attach a source to a claim that is unreviewed or in progress; only the reviewer who added a source, the claim's assignee or an editor may edit or remove it. While the verdict awaits a second review or is verified, the sources are fixed.";

const FIXED_SOURCES =
  "The claim's verdict awaits a second review or is verified, or the source is someone else's and the claim not yours.";

/** What every change to a claim's sources may answer after its success, 400, 401 and 403. */
const sourceWriteErrors = {
  "409": staleVersion,
  "413": apiDoc.bodyTooLarge,
  "503": apiDoc.databaseUnavailable,
};

export const sourcesApi: apiDoc.ApiDescription = {
  tags: [{ name: "Sources", description: "The sources attached to a claim to support or refute it." }],
  operations: [
    {
      path: "/api/claims/{id}/sources",
      method: "post",
      operation: {
        operationId: "addSource",
        tags: ["Sources"],
        summary: "Attach a source to a claim",
        description: [
          SOURCE_RULE,
          "`url` and `archiveUrl` must be public http or https addresses; they are stored normalised, and the same URL twice on one claim is refused. `version` is optional here, since adding overwrites nothing, but a stale one is refused (409).",
        ].join("\n\n"),
        requestParams: { path: claimIdPath },
        requestBody: apiDoc.jsonBody(newSourceSchema),
        responses: {
          "201": apiDoc.jsonResponse(sourceChangeSchema, "The source, attached."),
          "400": apiDoc.badRequest("Invalid source, or its URL is already attached to the claim."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite("The claim's verdict awaits a second review or is verified."),
          "404": apiDoc.notFound("No claim has this id."),
          ...sourceWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/sources/{sourceId}",
      method: "patch",
      operation: {
        operationId: "updateSource",
        tags: ["Sources"],
        summary: "Edit a source",
        description: [
          `${SOURCE_RULE} Send only the fields that change; \`null\` or blank clears an optional one.`,
          VERSION_RULE,
        ].join("\n\n"),
        requestParams: { path: sourcePath },
        requestBody: apiDoc.jsonBody(sourcePatchSchema),
        responses: {
          "200": apiDoc.jsonResponse(sourceChangeSchema, "The source after the change."),
          "400": apiDoc.badRequest("Invalid change, nothing to change, or a URL already attached to the claim."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite(FIXED_SOURCES),
          "404": apiDoc.notFound("No claim has this id, or the claim has no source with this id."),
          ...sourceWriteErrors,
        },
      },
    },
    {
      path: "/api/claims/{id}/sources/{sourceId}",
      method: "delete",
      operation: {
        operationId: "removeSource",
        tags: ["Sources"],
        summary: "Remove a source",
        description: [SOURCE_RULE, VERSION_RULE].join("\n\n"),
        requestParams: { path: sourcePath },
        requestBody: apiDoc.jsonBody(sourceRemovalSchema),
        responses: {
          "200": apiDoc.jsonResponse(sourceRemovedSchema, "The removed source's id and the claim's new version."),
          "400": apiDoc.badRequest("The body must be the claim version you saw."),
          "401": apiDoc.unauthorized,
          "403": apiDoc.forbiddenWrite(FIXED_SOURCES),
          "404": apiDoc.notFound("No claim has this id, or the claim has no source with this id."),
          ...sourceWriteErrors,
        },
      },
    },
  ],
};
