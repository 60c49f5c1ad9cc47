"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/domains/users/session";
import { linkDuplicate, startFromDuplicate } from "./duplicates";
import { createClaim, reopenClaim, reviewClaim, updateClaim } from "./mutations";
import {
  claimPatchSchema,
  type ClaimPatch,
  duplicateLinkSchema,
  newClaimSchema,
  reopenSchema,
  reviewSchema,
  startFromDuplicateSchema,
} from "./schema";

const claimIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);

const workflowFormSchema = z.object({
  claimId: claimIdSchema,
  version: z.string(),
  intent: z.enum(["take", "release", "assign", "start", "save", "propose", "withdraw"]),
  verdict: z.string().optional(),
  rationale: z.string().optional(),
  assigneeId: z.string().optional(),
});

const MESSAGES: Record<z.infer<typeof workflowFormSchema>["intent"], string> = {
  take: "The claim is yours.",
  release: "You released the claim.",
  assign: "Assignee changed.",
  start: "Work started.",
  save: "Verdict draft saved.",
  propose: "Verdict proposed for a second review.",
  withdraw: "Proposal withdrawn.",
};

/** One form, several buttons: each intent becomes the same PATCH the API accepts, checked by the same schema. */
export const updateClaimFromForm = formAction(workflowFormSchema, async (form, user) => {
  const patches: Record<typeof form.intent, Partial<Record<keyof ClaimPatch, unknown>>> = {
    take: { assigneeId: user.id },
    release: { assigneeId: null },
    assign: { assigneeId: form.assigneeId ? form.assigneeId : null },
    start: { status: "in_progress" },
    save: { verdict: form.verdict, rationale: form.rationale },
    propose: { verdict: form.verdict, rationale: form.rationale, status: "awaiting_second_review" },
    withdraw: { status: "in_progress" },
  };
  const patch = claimPatchSchema.parse({ version: form.version, ...patches[form.intent] });
  await updateClaim(user, form.claimId, patch);
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
    articleId: z.coerce.number().int().min(1).max(2_147_483_647),
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
