"use client";

import { useCallback, useEffect, useRef } from "react";

/** The verdict form's two fields, as stored or as typed. */
export interface VerdictValues {
  verdict: string;
  rationale: string;
}

/** What the browser keeps of an unsaved verdict: what was typed, and the stored values it was typed over. */
interface KeptDraft {
  over: VerdictValues;
  typed: VerdictValues;
}

function sameValues(a: VerdictValues, b: VerdictValues): boolean {
  return a.verdict === b.verdict && a.rationale === b.rationale;
}

function isVerdictValues(value: unknown): value is VerdictValues {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as VerdictValues).verdict === "string" &&
    typeof (value as VerdictValues).rationale === "string"
  );
}

function isKeptDraft(value: unknown): value is KeptDraft {
  return (
    typeof value === "object" &&
    value !== null &&
    isVerdictValues((value as KeptDraft).over) &&
    isVerdictValues((value as KeptDraft).typed)
  );
}

/** The tab's session storage: a draft survives a reload but not the tab, and stays off a shared machine's disk for good. */
function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (a privacy setting): the draft then lives only in the form.
    return null;
  }
}

function readDraft(key: string): KeptDraft | null {
  try {
    const kept: unknown = JSON.parse(sessionStore()?.getItem(key) ?? "null");
    return isKeptDraft(kept) ? kept : null;
  } catch {
    return null;
  }
}

function typedIn(form: HTMLFormElement | null): VerdictValues | null {
  if (!form) return null;
  const data = new FormData(form);
  return { verdict: String(data.get("verdict") ?? ""), rationale: String(data.get("rationale") ?? "") };
}

/**
 * Keeps a verdict and rationale typed but not saved in the browser, per claim: restored after a reload
 * while the claim still holds the values it was typed over (a source added meanwhile does not matter;
 * a verdict someone else saved does: the draft was written against something else), dropped once what is
 * stored is what was typed (saved). Leaving the page with unsaved text asks first.
 */
export function useVerdictDraft(claimId: number, stored: VerdictValues) {
  const form = useRef<HTMLFormElement>(null);
  const restored = useRef(false);
  const key = `claim-draft:${claimId}`;
  const { verdict, rationale } = stored;

  const keep = useCallback(() => {
    const typed = typedIn(form.current);
    const store = sessionStore();
    if (!typed || !store) return;
    const now = { verdict, rationale };
    if (sameValues(typed, now)) store.removeItem(key);
    else store.setItem(key, JSON.stringify({ over: now, typed } satisfies KeptDraft));
  }, [key, verdict, rationale]);

  useEffect(() => {
    const fields = form.current?.elements;
    if (!restored.current && fields) {
      restored.current = true;
      const kept = readDraft(key);
      if (kept && sameValues(kept.over, { verdict, rationale })) {
        const verdictControl = fields.namedItem("verdict") as HTMLSelectElement | null;
        const rationaleControl = fields.namedItem("rationale") as HTMLTextAreaElement | null;
        if (verdictControl) verdictControl.value = kept.typed.verdict;
        if (rationaleControl) rationaleControl.value = kept.typed.rationale;
      }
    }
    keep();
  }, [key, verdict, rationale, keep]);

  useEffect(() => {
    const askFirst = (event: BeforeUnloadEvent) => {
      const typed = typedIn(form.current);
      if (typed && !sameValues(typed, { verdict, rationale })) event.preventDefault();
    };
    window.addEventListener("beforeunload", askFirst);
    return () => window.removeEventListener("beforeunload", askFirst);
  }, [verdict, rationale]);

  return [form, keep] as const;
}
