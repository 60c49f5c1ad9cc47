"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/domains/users/session";
import { idFieldSchema } from "@/lib/validation";
import { assign, changeClaim, type ClaimCommand, edit, propose, release, start, take, withdraw } from "./commands";
import { linkDuplicate, startFromDuplicate } from "./duplicates-mutations";
import { createClaim, reopenClaim, reviewClaim } from "./mutations";
import {
  claimPatchSchema,
  duplicateLinkSchema,
  newClaimSchema,
  reopenSchema,
  reviewSchema,
  startFromDuplicateSchema,
  versionSchema,
} from "./schema";

const claimIdSchema = idFieldSchema();

const workflowFormSchema = z.object({
  claimId: claimIdSchema,
  version: versionSchema,
  intent: z.enum(["take", "release", "assign", "start", "save", "propose", "withdraw"]),
  verdict: z.string().optional(),
  rationale: z.string().optional(),
  assigneeId: z.string().optional(),
});
type WorkflowForm = z.infer<typeof workflowFormSchema>;

const MESSAGES: Record<WorkflowForm["intent"], string> = {
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

/** One form, several buttons: each runs its named command, the same the API's PATCH runs. */
export const updateClaimFromForm = formAction(workflowFormSchema, async (form, user) => {
  await changeClaim(user, form.claimId, form.version, commandsFor(form));
  revalidatePath(`/claims/${form.claimId}`);
  return MESSAGES[form.intent];
});

export const reviewClaimFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), decision: z.string(), comment: z.string().optional() }),
  async (form, user) => {
    const review = reviewSchema.parse({ version: form.version, decision: form.decision, comment: form.comment });
    await reviewClaim(user, form.claimId, review);
    revalidatePath(`/claims/${form.claimId}`);
    return review.decision === "approve" ? "Verdict approved: the claim is verified." : "Sent back to the reviewer.";
  },
);

export const reopenClaimFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), reason: z.string() }),
  async (form, user) => {
    await reopenClaim(user, form.claimId, reopenSchema.parse({ version: form.version, reason: form.reason }));
    revalidatePath(`/claims/${form.claimId}`);
    return "Claim reopened for a correction.";
  },
);

export const linkDuplicateFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), duplicateOfId: z.string() }),
  async (form, user) => {
    const duplicateOfId = form.duplicateOfId === "" ? null : Number(form.duplicateOfId);
    await linkDuplicate(user, form.claimId, duplicateLinkSchema.parse({ version: form.version, duplicateOfId }));
    revalidatePath(`/claims/${form.claimId}`);
    return duplicateOfId === null
      ? "The duplicate mark is cleared."
      : `Marked as a duplicate of claim #${duplicateOfId}.`;
  },
);

export const startFromDuplicateFromForm = formAction(
  z.object({ claimId: claimIdSchema, version: z.string(), take: z.enum(["verdict", "sources", "both"]) }),
  async (form, user) => {
    const take = form.take === "both" ? ["verdict", "sources"] : [form.take];
    await startFromDuplicate(user, form.claimId, startFromDuplicateSchema.parse({ version: form.version, take }));
    revalidatePath(`/claims/${form.claimId}`);
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
