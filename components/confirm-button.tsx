"use client";

import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { type ButtonVariant, buttonClass } from "./ui";

/**
 * A submit button that asks first, for what cannot simply be taken back (deactivating a person,
 * removing a source). It opens a native modal <dialog>: the browser traps focus in it, puts focus on
 * its first button, closes it on Escape and returns focus to the button that opened it, and makes the
 * page behind it inert, so no focus handling is written here and no library is shipped for it. The
 * confirming button submits the surrounding form (a dialog's buttons belong to the form it sits in),
 * with the same name and value as a plain submit button would send.
 */
export function ConfirmButton({
  children,
  title,
  description,
  confirmLabel,
  variant = "danger",
  name,
  value,
}: {
  children: React.ReactNode;
  /** The question, e.g. "Deactivate Rita Reviewer?" */
  title: string;
  /** What follows from confirming, in one or two sentences. */
  description: string;
  confirmLabel: string;
  variant?: ButtonVariant;
  name?: string;
  value?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const { pending } = useFormStatus();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        disabled={pending}
        onClick={() => dialog.current?.showModal()}
        className={buttonClass(variant)}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50"
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <p id={descriptionId} className="mt-2 text-sm text-slate-700">
          {description}
        </p>
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          {/* First, so that Enter or a hurried tap on the focused button keeps things as they are. */}
          <button type="button" onClick={() => dialog.current?.close()} className={buttonClass("secondary")}>
            Cancel
          </button>
          <button
            type="submit"
            name={name}
            value={value}
            onClick={() => dialog.current?.close()}
            className={buttonClass(variant === "danger" ? "danger" : "primary")}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
