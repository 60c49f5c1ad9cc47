"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/domains/users/session";
import { idFieldSchema } from "@/lib/validation";
import { type BulkChangedClaim, bulkChangeClaims } from "./bulk-mutations";
import { assign, changeClaim, type ClaimCommand, edit, propose, release, start, take, withdraw } from "./commands";
import { linkDuplicate, startFromDuplicate } from "./duplicates-mutations";
import { createClaim, reopenClaim, retractClaim, reviewClaim } from "./mutations";
import {
  type BulkClaimChange,
  bulkClaimChangeSchema,
  claimPatchSchema,
  duplicateLinkSchema,
  newClaimSchema,
  reopenSchema,
  retractSchema,
  reviewSchema,
  startFromDuplicateSchema,
  versionSchema,
} from "./schema";

const claimIdSchema = idFieldSchema();

const workflowFormSchema = z.object({
  claimId: claimIdSchema,
  version: versionSchema,
  intent: z.enum(["take_and_start", "take", "release", "assign", "start", "save", "propose", "withdraw"]),
  verdict: z.string().optional(),
  rationale: z.string().optional(),
  assigneeId: z.string().optional(),
});
type WorkflowForm = z.infer<typeof workflowFormSchema>;

const MESSAGES: Record<WorkflowForm["intent"], string> = {
  take_and_start: "The claim is yours and work has started.",
  take: "The claim is yours.",
  release: "You released the claim.",
  assign: "Assignee changed.",
  start: "Work started.",
  save: "Verdict draft saved.",
  propose: "Verdict proposed for a second review.",
  withdraw: "Proposal withdrawn.",
};

/** The verdict fields and the assignee are checked as the API checks them. */
const verdictEditSchema = claimPatchSchema.pick({ verdict: true, rationale: true });
const assignmentSchema = claimPatchSchema.pick({ assigneeId: true });

/** The command of each button; proposing saves the verdict as typed in the same change, as the API's proposal does. */
function commandsFor(form: WorkflowForm): ClaimCommand[] {
  switch (form.intent) {
    case "take_and_start":
      return [take, start];
    case "take":
      return [take];
    case "release":
      return [release];
    case "assign":
      return [assign(assignmentSchema.parse({ assigneeId: form.assigneeId || null }).assigneeId ?? null)];
    case "start":
      return [start];
    case "save":
      return [edit(verdictEditSchema.parse({ verdict: form.verdict, rationale: form.rationale }))];
    case "propose":
      return [edit(verdictEditSchema.parse({ verdict: form.verdict, rationale: form.rationale })), propose];
    case "withdraw":
      return [withdraw];
  }
}

/**
 * Refreshes the claim page after a refusal too: after a 409 (or a 403 because someone took the claim
 * meanwhile) the whole page, header included, then shows the claim as it is now, while the forms keep
 * what the user typed.
 */
async function refreshingClaimPage<T>(claimId: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    revalidatePath(`/claims/${claimId}`);
  }
}

/** One form, several buttons: each runs its named command, the same the API's PATCH runs. */
export const updateClaimFromForm = formAction(workflowFormSchema, async (form, user) => {
  await refreshingClaimPage(form.claimId, () => changeClaim(user, form.claimId, form.version, commandsFor(form)));
  return MESSAGES[form.intent];
});

export const reviewClaimFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), decision: z.string(), comment: z.string().optional() }),
  async (form, user) => {
    const review = reviewSchema.parse({ version: form.version, decision: form.decision, comment: form.comment });
    await refreshingClaimPage(form.claimId, () => reviewClaim(user, form.claimId, review));
    return review.decision === "approve" ? "Verdict approved: the claim is verified." : "Sent back to the reviewer.";
  },
);

export const reopenClaimFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), reason: z.string() }),
  async (form, user) => {
    const reopening = reopenSchema.parse({ version: form.version, reason: form.reason });
    await refreshingClaimPage(form.claimId, () => reopenClaim(user, form.claimId, reopening));
    return "Claim reopened for a correction.";
  },
);

export const retractClaimFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), reason: z.string() }),
  async (form, user) => {
    const retraction = retractSchema.parse({ version: form.version, reason: form.reason });
    await refreshingClaimPage(form.claimId, () => retractClaim(user, form.claimId, retraction));
    return "Publication retracted: the public page now says so, with your reason.";
  },
);

export const linkDuplicateFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), duplicateOfId: z.string() }),
  async (form, user) => {
    const duplicateOfId = form.duplicateOfId === "" ? null : Number(form.duplicateOfId);
    const link = duplicateLinkSchema.parse({ version: form.version, duplicateOfId });
    await refreshingClaimPage(form.claimId, () => linkDuplicate(user, form.claimId, link));
    return duplicateOfId === null
      ? "The duplicate mark is cleared."
      : `Marked as a duplicate of claim #${duplicateOfId}.`;
  },
);

export const startFromDuplicateFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), take: z.enum(["verdict", "sources", "both"]) }),
  async (form, user) => {
    const take = form.take === "both" ? ["verdict", "sources"] : [form.take];
    const taking = startFromDuplicateSchema.parse({ version: form.version, take });
    await refreshingClaimPage(form.claimId, () => startFromDuplicate(user, form.claimId, taking));
    return form.take === "sources"
      ? "Its sources are attached."
      : "Its verdict is your draft: check it, then propose it.";
  },
);

export const createClaimFromForm = formAction(
  z.object({
    articleId: idFieldSchema(),
    startOffset: z.string(),
    endOffset: z.string(),
    statement: z.string(),
    topic: z.string(),
    attributedTo: z.string().optional(),
  }),
  async ({ articleId, ...fields }, user) => {
    const { id } = await createClaim(user, articleId, newClaimSchema.parse(fields));
    revalidatePath(`/articles/${articleId}`);
    return `Claim #${id} added.`;
  },
);

/** A checkbox of the claims list's selection: named `claim-<id>`, its value `<id>:<version>` as the list showed it. */
const SELECTED_CLAIM = /^claim-[0-9]+$/;
const selectedClaimSchema = z
  .string()
  .regex(/^[0-9]{1,10}:[0-9]{1,10}$/)
  .transform((value) => {
    const [id, version] = value.split(":");
    return { id: Number(id), version };
  });

function bulkMessage(change: BulkClaimChange, claims: BulkChangedClaim[]): string {
  const count = claims.length === 1 ? "1 claim" : `${claims.length} claims`;
  switch (change.action) {
    case "assign":
      return `${count} assigned to ${claims[0]?.assignee?.name ?? "them"}.`;
    case "release":
      return `${count} released: nobody is assigned.`;
    case "set_topic":
      return `${count} filed under the topic “${change.topic}”.`;
  }
}

/**
 * The claims list's bulk bar: the selected rows' checkboxes, and the button pressed (`action`) with the
 * field it needs, as the API's bulk change; only that field is passed on, since the bar sends both.
 */
export const bulkChangeClaimsFromForm = formAction(z.record(z.string(), z.string()), async (form, user) => {
  const items = Object.entries(form)
    .filter(([name]) => SELECTED_CLAIM.test(name))
    .map(([, value]) => selectedClaimSchema.parse(value));
  const change = bulkClaimChangeSchema.parse({
    action: form.action,
    items,
    ...(form.action === "assign" ? { assigneeId: form.assigneeId ?? "" } : {}),
    ...(form.action === "set_topic" ? { topic: form.topic ?? "" } : {}),
  });
  try {
    return bulkMessage(change, await bulkChangeClaims(user, change));
  } finally {
    // After a refusal too: a 409 shows the claims as they are now.
    revalidatePath("/claims");
  }
});
