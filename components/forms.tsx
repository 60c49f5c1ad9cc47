"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/action-state";
import { buttonClass, noticeClass } from "./ui";

export { IDLE_STATE } from "@/lib/action-state";

export const INPUT =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";
export const LABEL = "block text-sm font-medium text-slate-800";
export const PRIMARY_BUTTON = buttonClass("primary");
export const SECONDARY_BUTTON = buttonClass("secondary");
export const DANGER_BUTTON = buttonClass("danger");

export function SubmitButton({
  children,
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={buttonClass(variant)}
    >
      {children}
    </button>
  );
}

export function fieldErrors(state: ActionState, name: string): string[] | undefined {
  return state.status === "error" ? state.fields?.[name] : undefined;
}

export function FieldError({ id, state, name }: { id: string; state: ActionState; name: string }) {
  const errors = fieldErrors(state, name);
  return (
    <p id={id} className="mt-1 text-sm text-red-700" aria-live="polite">
      {errors?.join(" ")}
    </p>
  );
}

/** The outcome of the last submit: an error (role alert) or a confirmation (role status). */
export function FormAlert({ state }: { state: ActionState }) {
  if (state.status === "error") {
    return (
      <div role="alert" className={noticeClass("error")}>
        {state.message}
      </div>
    );
  }
  if (state.status === "success") {
    return (
      <div role="status" className={noticeClass("success")}>
        {state.message}
      </div>
    );
  }
  return null;
}

export interface ControlProps {
  id: string;
  name: string;
  className: string;
  "aria-invalid"?: boolean;
  "aria-describedby": string;
}

/**
 * A labelled control with its hint and its error message, wired for assistive technology: the
 * caller renders the control itself (input, select or textarea) from the props it is given.
 */
export function Field({
  id,
  name,
  label,
  state,
  hint,
  children,
}: {
  id: string;
  name: string;
  label: React.ReactNode;
  state: ActionState;
  hint?: React.ReactNode;
  children: (control: ControlProps) => React.ReactNode;
}) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      {children({
        id,
        name,
        className: INPUT,
        "aria-invalid": fieldErrors(state, name) ? true : undefined,
        "aria-describedby": hintId ? `${hintId} ${errorId}` : errorId,
      })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} state={state} name={name} />
    </div>
  );
}
