"use client";

import { createContext, useActionState, useContext, useEffect, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { FieldError, fieldErrors, IDLE_STATE, SECONDARY_BUTTON } from "@/components/forms";
import { bulkChangeClaimsFromForm } from "@/domains/claims/actions";
import type { ActionState } from "@/lib/action-state";
import { ActionMessage } from "../[id]/action-message";

/** A row's checkbox name; the server action reads `claim-<id>` fields as the selection. */
const selectionName = (claimId: number) => `claim-${claimId}`;
const SELECTION = "input[data-select-claim]";

/** The last answer, so that the checkboxes and fields show what was sent again after a refusal. */
const LastAnswer = createContext<ActionState>(IDLE_STATE);

/** What a refused submit sent, shown again: React resets a form after its action, refused or not. */
function sentValue(state: ActionState, name: string): string | undefined {
  return state.status === "error" ? state.values[name] : undefined;
}

/** Remounts a field after each answer, so that its default is read again. */
function answerKey(state: ActionState): number {
  return state.status === "idle" ? 0 : state.at;
}

/**
 * A row's selection checkbox: its value is the claim's id and the version the list showed, so the
 * bulk change applies only to the claims as the user saw them. After a refusal it stays checked
 * where the claim is unchanged; a claim that changed meanwhile comes back with a new version, unchecked.
 */
export function SelectClaim({ claimId, version }: { claimId: number; version: number }) {
  const state = useContext(LastAnswer);
  const name = selectionName(claimId);
  const value = `${claimId}:${version}`;
  return (
    <input
      key={answerKey(state)}
      type="checkbox"
      name={name}
      value={value}
      data-select-claim=""
      defaultChecked={sentValue(state, name) === value}
      aria-label={`Select claim #${claimId}`}
      className="block size-4 accent-blue-700"
    />
  );
}

/** One of the bar's actions: each submits the form with its `action`, and all wait while one runs. */
function ActionButton({
  action,
  ref,
  children,
}: {
  action: "assign" | "release" | "set_topic";
  ref?: React.Ref<HTMLButtonElement>;
  children: React.ReactNode;
}) {
  const { pending } = useFormStatus();
  return (
    <button ref={ref} type="submit" name="action" value={action} disabled={pending} className={SECONDARY_BUTTON}>
      {children}
    </button>
  );
}

/**
 * The bar's actions: always on a desktop; on a phone, where the bar would push the first claims below
 * the fold, only once a claim is checked (a CSS :has, so it holds before the script runs too).
 */
const ACTIONS = "hidden flex-wrap items-start gap-2 group-has-[[data-select-claim]:checked]/bulk:flex md:flex";

const CONTROL =
  "h-9 rounded-md border border-slate-400 bg-white px-2 text-sm text-slate-900 shadow-sm aria-[invalid=true]:border-red-600";

/**
 * The claims table inside the form of its bulk bar: assign the selected claims, file them under a
 * topic, or release them, all or nothing, with the outcome announced and focused above the bar. The
 * bar counts the selection, and "Select all on this page" checks every row (the phone's list too).
 */
export function BulkEditForm({
  assignees,
  topics,
  children,
}: {
  assignees: { id: string; name: string }[];
  topics: string[];
  children: React.ReactNode;
}) {
  const [state, action] = useActionState(bulkChangeClaimsFromForm, IDLE_STATE);
  const form = useRef<HTMLFormElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const setTopic = useRef<HTMLButtonElement>(null);
  const [selected, setSelected] = useState(0);

  /** The number of claims checked (each row is in the table and in the phone's list), and the select-all box to match. */
  function countSelection() {
    const boxes = [...(form.current?.querySelectorAll<HTMLInputElement>(SELECTION) ?? [])];
    const checked = new Set(boxes.filter((box) => box.checked).map((box) => box.name)).size;
    const all = new Set(boxes.map((box) => box.name)).size;
    setSelected(checked);
    if (selectAll.current) {
      selectAll.current.checked = all > 0 && checked === all;
      selectAll.current.indeterminate = checked > 0 && checked < all;
    }
  }
  // After each answer the page's rows and the checkboxes are new.
  useEffect(countSelection, [state]);

  function toggleAll(event: React.ChangeEvent<HTMLInputElement>) {
    for (const box of form.current?.querySelectorAll<HTMLInputElement>(SELECTION) ?? []) {
      box.checked = event.currentTarget.checked;
    }
    countSelection();
  }

  return (
    <form ref={form} action={action} onChange={countSelection} className="group/bulk space-y-3">
      <LastAnswer value={state}>
        <ActionMessage state={state} />
        <fieldset
          key={answerKey(state)}
          className="flex flex-wrap items-start gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm"
        >
          <legend className="sr-only">Change the selected claims</legend>
          <div className="flex w-full items-center justify-between gap-4 md:w-auto">
            <label className="flex h-9 items-center gap-2 text-slate-800">
              <input
                ref={selectAll}
                type="checkbox"
                onChange={toggleAll}
                aria-describedby="bulk-selected"
                className="size-4 accent-blue-700"
              />
              Select all on this page
            </label>
            <p id="bulk-selected" className="flex h-9 items-center whitespace-nowrap text-slate-600" aria-live="polite">
              {selected} selected
            </p>
          </div>
          <div className={ACTIONS}>
            <div>
              <label htmlFor="bulk-assignee" className="sr-only">
                Assign to
              </label>
              <select
                id="bulk-assignee"
                name="assigneeId"
                defaultValue={sentValue(state, "assigneeId") ?? ""}
                aria-invalid={fieldErrors(state, "assigneeId") ? true : undefined}
                aria-describedby="bulk-assignee-error"
                className={CONTROL}
              >
                <option value="">Assign to…</option>
                {assignees.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.name}
                  </option>
                ))}
              </select>
              <FieldError id="bulk-assignee-error" state={state} name="assigneeId" />
            </div>
            <ActionButton action="assign">Assign</ActionButton>
          </div>
          <div className={ACTIONS}>
            <div>
              <label htmlFor="bulk-topic" className="sr-only">
                Topic
              </label>
              <input
                id="bulk-topic"
                name="topic"
                list="bulk-topics"
                placeholder="Topic"
                autoComplete="off"
                defaultValue={sentValue(state, "topic") ?? ""}
                aria-invalid={fieldErrors(state, "topic") ? true : undefined}
                aria-describedby="bulk-topic-error"
                // Enter in the topic sets the topic, not the form's first action (Assign).
                onKeyDown={(event) => {
                  if (event.key !== "Enter") return;
                  event.preventDefault();
                  form.current?.requestSubmit(setTopic.current);
                }}
                className={`${CONTROL} w-40`}
              />
              <datalist id="bulk-topics">
                {topics.map((topic) => (
                  <option key={topic} value={topic} />
                ))}
              </datalist>
              <FieldError id="bulk-topic-error" state={state} name="topic" />
            </div>
            <ActionButton action="set_topic" ref={setTopic}>
              Set topic
            </ActionButton>
          </div>
          <div className={ACTIONS}>
            <ActionButton action="release">Release</ActionButton>
          </div>
          {fieldErrors(state, "items") ? (
            <p className="basis-full text-sm text-red-700">{fieldErrors(state, "items")?.join(" ")}</p>
          ) : null}
        </fieldset>
        {children}
      </LastAnswer>
    </form>
  );
}
