import "server-only";
import { type z, ZodError } from "zod";
import type { CurrentUser } from "@/domains/users/roles";
import type { ActionState } from "@/lib/action-state";
import { isDatabaseUnavailable } from "@/lib/api";
import { isDomainError } from "@/lib/errors";
import { getCurrentUser } from "@/lib/session";
import { fieldErrorsOf } from "@/lib/validation";

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/**
 * The one way forms write: the session is checked, the form is parsed with the same zod schema as
 * the API (a form may parse it in two steps, form fields then the API's schema: both kinds of
 * refusal come back as field messages), and the domain function runs; its refusals come back as
 * messages, never as a crash.
 */
export function formAction<Schema extends z.ZodType>(
  schema: Schema,
  run: (input: z.infer<Schema>, user: CurrentUser) => Promise<string>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    const values = formValues(formData);
    const at = Date.now();
    const user = await getCurrentUser();
    if (!user) return { status: "error", message: "Your session has ended: sign in again.", values, at };
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      return {
        status: "error",
        message: "Some fields need attention.",
        fields: fieldErrorsOf(parsed.error),
        values,
        at,
      };
    }
    try {
      return { status: "success", message: await run(parsed.data, user), at };
    } catch (error) {
      if (error instanceof ZodError) {
        return { status: "error", message: "Some fields need attention.", fields: fieldErrorsOf(error), values, at };
      }
      if (isDomainError(error)) {
        return { status: "error", message: error.message, fields: error.fields, details: error.details, values, at };
      }
      if (isDatabaseUnavailable(error)) {
        return { status: "error", message: "The database is unavailable. Try again in a few seconds.", values, at };
      }
      throw error;
    }
  };
}
