"use client";

import { useEffect, useRef } from "react";
import { IDLE_STATE } from "@/components/forms";
import type { ActionState } from "@/lib/action-state";
import { conflictOf } from "./conflict-notice";

/**
 * The version of the claim an error was answered at: a conflict names the version now stored; any other
 * refusal wrote nothing, so the claim is still at the version the form sent.
 */
function answeredAt(state: ActionState & { status: "error" }): number {
  return conflictOf(state)?.current.version ?? Number(state.values.version);
}

/**
 * What a form's outcome still says about the claim at `version`. A refusal holds only until the claim
 * changes: after any successful action on the page ("Source #12 added."), the earlier "Attach at least
 * one source first." is no longer true and goes, messages and field errors alike, while the form keeps
 * what the user typed.
 */
export function currentOutcome(state: ActionState, version: number): ActionState {
  return state.status === "error" && answeredAt(state) !== version ? IDLE_STATE : state;
}

const STYLES = {
  error: "rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900",
  success: "rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900",
};

/**
 * The outcome of the last submit, an error (role alert) or a confirmation (role status), focused when
 * it arrives: the button pressed may be gone (Take and start gives way to the verdict form), and a
 * screen reader then reads what happened rather than nothing.
 */
export function ActionMessage({ state }: { state: ActionState }) {
  const message = useRef<HTMLDivElement>(null);
  const arrivedAt = state.status === "idle" ? null : state.at;
  useEffect(() => {
    if (arrivedAt !== null) message.current?.focus();
  }, [arrivedAt]);
  if (state.status === "idle") return null;
  return (
    <div
      ref={message}
      tabIndex={-1}
      role={state.status === "error" ? "alert" : "status"}
      className={`${STYLES[state.status]} outline-offset-2`}
    >
      {state.message}
    </div>
  );
}
