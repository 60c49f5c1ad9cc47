import { z } from "zod";
import { claimIdPath, sourceSchema, staleVersion, VERSION_RULE } from "@/domains/claims/api";
import {
  type ApiDescription,
  badRequest,
  bodyTooLarge,
  databaseUnavailable,
  forbiddenWrite,
  jsonBody,
  jsonResponse,
  notFound,
  pathId,
  unauthorized,
} from "@/lib/api-description";
import { newSourceSchema, sourcePatchSchema, sourceRemovalSchema } from "./schema";

const sourceChangeSchema = sourceSchema.extend({ claimVersion: z.int() }).meta({
  id: "SourceChange",
  description: "The source and the claim's new `version` (`claimVersion`), to send with the next write.",
});

const sourceRemovedSchema = z.strictObject({ id: z.int(), claimVersion: z.int() }).meta({ id: "SourceRemoved" });

const sourcePath = claimIdPath.extend({ sourceId: pathId("The source's id, on this claim.") });

const SOURCE_RULE =
  "Any signed-in user may attach a source to a claim that is unreviewed or in progress; only the reviewer who added a source, the claim's assignee or an editor may edit or remove it. While the verdict awaits a second review or is verified, the sources are fixed.";

const FIXED_SOURCES =
  "The claim's verdict awaits a second review or is verified, or the source is someone else's and the claim not yours.";

/** What every change to a claim's sources may answer after its success, 400, 401 and 403. */
const sourceWriteErrors = {
  "409": staleVersion,
  "413": bodyTooLarge,
  "503": databaseUnavailable,
};

export const sourcesApi: ApiDescription = {
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
        requestBody: jsonBody(newSourceSchema),
        responses: {
          "201": jsonResponse(sourceChangeSchema, "The source, attached."),
          "400": badRequest("Invalid source, or its URL is already attached to the claim."),
          "401": unauthorized,
          "403": forbiddenWrite("The claim's verdict awaits a second review or is verified."),
          "404": notFound("No claim has this id."),
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
        requestBody: jsonBody(sourcePatchSchema),
        responses: {
          "200": jsonResponse(sourceChangeSchema, "The source after the change."),
          "400": badRequest("Invalid change, nothing to change, or a URL already attached to the claim."),
          "401": unauthorized,
          "403": forbiddenWrite(FIXED_SOURCES),
          "404": notFound("No claim has this id, or the claim has no source with this id."),
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
        requestBody: jsonBody(sourceRemovalSchema),
        responses: {
          "200": jsonResponse(sourceRemovedSchema, "The removed source's id and the claim's new version."),
          "400": badRequest("The body must be the claim version you saw."),
          "401": unauthorized,
          "403": forbiddenWrite(FIXED_SOURCES),
          "404": notFound("No claim has this id, or the claim has no source with this id."),
          ...sourceWriteErrors,
        },
      },
    },
  ],
};
