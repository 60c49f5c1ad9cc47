"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { formAction } from "@/lib/action";
import { changeRole, createUser, setActive } from "./mutations";
import { ROLE_LABELS, ROLES } from "./roles";
import { newUserSchema } from "./schema";

const USERS_PAGE = "/admin/users";

const userIdSchema = z.string({ error: "Choose a user." }).trim().min(1, "Choose a user.").max(100, "Choose a user.");

const roleChangeSchema = z.strictObject({
  userId: userIdSchema,
  role: z.enum(ROLES, { error: `Must be one of: ${ROLES.join(", ")}.` }),
});

const activeChangeSchema = z.strictObject({
  userId: userIdSchema,
  active: z.enum(["true", "false"], { error: "Must be true or false." }).transform((value) => value === "true"),
});

const submitNewUser = formAction(newUserSchema, async (input, actor) => {
  await createUser(actor, input);
  revalidatePath(USERS_PAGE);
  return `Created ${input.name} (${input.email}) with the role ${ROLE_LABELS[input.role]}.`;
});

/** Like every form, but the password typed is never sent back to the browser, even after an error. */
export async function createUserFromForm(previous: ActionState, formData: FormData): Promise<ActionState> {
  const state = await submitNewUser(previous, formData);
  if (state.status !== "error") return state;
  return { ...state, values: Object.fromEntries(Object.entries(state.values).filter(([name]) => name !== "password")) };
}

export const changeRoleFromForm = formAction(roleChangeSchema, async (input, actor) => {
  const user = await changeRole(actor, input.userId, input.role);
  revalidatePath(USERS_PAGE);
  return `${user.name}'s role is now ${ROLE_LABELS[user.role]}.`;
});

export const setActiveFromForm = formAction(activeChangeSchema, async (input, actor) => {
  const user = await setActive(actor, input.userId, input.active);
  revalidatePath(USERS_PAGE);
  return user.active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out everywhere.`;
});
