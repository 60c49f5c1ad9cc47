"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { safeReturnPath, signInSchema } from "@/domains/users/auth-schema";
import type { ActionState } from "@/lib/action-state";
import { auth, WRONG_CREDENTIALS } from "@/domains/users/auth";
import { getCurrentUser } from "@/domains/users/session";
import { fieldErrorsOf } from "@/lib/validation";

export async function signIn(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? ""), next: String(formData.get("next") ?? "") };
  const at = Date.now();
  const parsed = signInSchema.safeParse({ ...values, password: formData.get("password") ?? "" });
  if (!parsed.success)
    return { status: "error", message: "Some fields need attention.", fields: fieldErrorsOf(parsed.error), values, at };
  try {
    await auth().api.signInEmail({
      body: { email: parsed.data.email, password: parsed.data.password },
      headers: await headers(),
    });
  } catch (error) {
    if (isAPIError(error)) {
      const message = error.statusCode === 429 ? error.message : WRONG_CREDENTIALS;
      return { status: "error", message, values, at };
    }
    throw error;
  }
  redirect(safeReturnPath(parsed.data.next));
}

export async function signOut(): Promise<void> {
  if (await getCurrentUser()) await auth().api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
