"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/action-state";

export { IDLE_STATE } from "@/lib/action-state";

export const INPUT =
  "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";
export const LABEL = "block text-sm font-medium text-slate-800";
const BUTTON = "rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60";
export const PRIMARY_BUTTON = `${BUTTON} bg-slate-900 text-white hover:bg-slate-700`;
export const SECONDARY_BUTTON = `${BUTTON} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`;
export const DANGER_BUTTON = `${BUTTON} border border-red-300 bg-white text-red-800 hover:bg-red-50`;

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
  const style = variant === "primary" ? PRIMARY_BUTTON : variant === "secondary" ? SECONDARY_BUTTON : DANGER_BUTTON;
  return (
    <button type="submit" name={name} value={value} disabled={pending} aria-disabled={pending} className={style}>
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
      <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {state.message}
      </div>
    );
  }
  if (state.status === "success") {
    return (
      <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
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
