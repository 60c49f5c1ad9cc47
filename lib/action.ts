import "server-only";
import { type z, ZodError } from "zod";
import type { ActionState } from "@/lib/action-state";
import { isDatabaseUnavailable } from "@/lib/api";
import { isDomainError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

export interface FormActionOptions {
  /**
   * Fields read like the others but never sent back to the browser with a refusal (a password, or
   * what the server sets itself from an upload): the form shows them empty again.
   */
  neverEcho?: readonly string[];
}

/**
 * Builds `formAction`, the one way forms write: the session is checked, the form is parsed with the
 * same zod schema as the API (a form may parse it in two steps, form fields then the API's schema:
 * both kinds of refusal come back as field messages), and the domain function runs; its refusals
 * come back as messages, never as a crash, with what the user typed so nothing is lost. Who is
 * signed in is the users domain's business, so it hands its session lookup in
 * (domains/users/session.ts) and lib stays below every domain.
 */
export function formActionWith<User>(currentUser: () => Promise<User | null>) {
  return function formAction<Schema extends z.ZodType>(
    schema: Schema,
    run: (input: z.infer<Schema>, user: User) => Promise<string>,
    { neverEcho = [] }: FormActionOptions = {},
  ): (previous: ActionState, formData: FormData) => Promise<ActionState> {
    return async (_previous, formData) => {
      const typed = formValues(formData);
      const values = Object.fromEntries(Object.entries(typed).filter(([name]) => !neverEcho.includes(name)));
      const at = Date.now();
      const user = await currentUser();
      if (!user) return { status: "error", message: "Your session has ended: sign in again.", values, at };
      const parsed = schema.safeParse(typed);
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
  };
}
