import type { FieldErrors } from "@/lib/validation";

/** What a form shows after a submit. On error, `values` holds what the user typed so nothing is lost. */
export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string; at: number }
  | {
      status: "error";
      message: string;
      fields?: FieldErrors;
      details?: Record<string, unknown>;
      values: Record<string, string>;
      at: number;
    };

export const IDLE_STATE: ActionState = { status: "idle" };
