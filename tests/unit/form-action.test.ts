/**
 * lib/action.ts's form helper, with a stand-in for the session lookup the users domain gives it: what
 * comes back to the browser after each kind of refusal, and the fields it must never send back.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IDLE_STATE } from "@/lib/action-state";
import { formActionWith } from "@/lib/action";
import { DomainError } from "@/lib/errors";

const SIGNED_IN = { id: "user-1" };
const PASSWORD = "correct-horse-battery";

const accountSchema = z.strictObject({ email: z.string().min(3, "Give an email."), password: z.string().min(12) });

function form(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return formData;
}

/** A form action over accountSchema that keeps what its run received, and refuses as told. */
function accountAction(user: typeof SIGNED_IN | null, refusal?: Error) {
  const received: unknown[] = [];
  const action = formActionWith(async () => user)(
    accountSchema,
    async (input, actor) => {
      received.push({ input, actor });
      if (refusal) throw refusal;
      return "Saved.";
    },
    { neverEcho: ["password"] },
  );
  return { action, received };
}

describe("formAction's neverEcho", () => {
  it("runs with the field, and answers success", async () => {
    const { action, received } = accountAction(SIGNED_IN);
    const state = await action(IDLE_STATE, form({ email: "nora@example.org", password: PASSWORD }));
    expect(state).toMatchObject({ status: "success", message: "Saved." });
    expect(received).toEqual([{ input: { email: "nora@example.org", password: PASSWORD }, actor: SIGNED_IN }]);
  });

  it("leaves the field out of the values sent back after a refused field", async () => {
    const { action, received } = accountAction(SIGNED_IN);
    const state = await action(IDLE_STATE, form({ email: "n", password: PASSWORD }));
    expect(state).toMatchObject({ status: "error", fields: { email: ["Give an email."] }, values: { email: "n" } });
    expect(state.status === "error" && state.values).toEqual({ email: "n" });
    expect(JSON.stringify(state)).not.toContain(PASSWORD);
    expect(received).toEqual([]);
  });

  it("leaves it out after the domain's refusal, and after the session ended", async () => {
    const refused = await accountAction(SIGNED_IN, new DomainError("invalid", "Taken.", { email: ["In use."] })).action(
      IDLE_STATE,
      form({ email: "nora@example.org", password: PASSWORD }),
    );
    expect(refused).toMatchObject({ status: "error", message: "Taken.", fields: { email: ["In use."] } });
    expect(refused.status === "error" && refused.values).toEqual({ email: "nora@example.org" });

    const signedOut = await accountAction(null).action(
      IDLE_STATE,
      form({ email: "nora@example.org", password: PASSWORD }),
    );
    expect(signedOut).toMatchObject({ status: "error", message: "Your session has ended: sign in again." });
    expect(signedOut.status === "error" && signedOut.values).toEqual({ email: "nora@example.org" });
  });

  it("sends every typed field back when none is named", async () => {
    const action = formActionWith(async () => SIGNED_IN)(accountSchema, async () => "Saved.");
    const state = await action(IDLE_STATE, form({ email: "n", password: PASSWORD }));
    expect(state.status === "error" && state.values).toEqual({ email: "n", password: PASSWORD });
  });
});
