"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/domains/users/session";
import { addSource, removeSource, updateSource } from "./mutations";
import { addSourceFormSchema, editSourceFormSchema, removeSourceFormSchema } from "./schema";

/** Refreshes the claim page after a refusal too: after a 409 the form then holds the claim as it is now. */
async function refreshingClaimPage<T>(claimId: number, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } finally {
    revalidatePath(`/claims/${claimId}`);
  }
}

export const addSourceAction = formAction(addSourceFormSchema, async ({ claimId, ...input }, user) => {
  const { source } = await refreshingClaimPage(claimId, () => addSource(user, claimId, input));
  return `Source #${source.id} added.`;
});

export const updateSourceAction = formAction(editSourceFormSchema, async ({ claimId, ...input }, user) => {
  const { claimVersion } = await refreshingClaimPage(claimId, () => updateSource(user, claimId, input));
  return claimVersion === input.version
    ? `Source #${input.sourceId} is unchanged.`
    : `Source #${input.sourceId} saved.`;
});

export const removeSourceAction = formAction(removeSourceFormSchema, async ({ claimId, ...input }, user) => {
  await refreshingClaimPage(claimId, () => removeSource(user, claimId, input));
  return `Source #${input.sourceId} removed.`;
});
