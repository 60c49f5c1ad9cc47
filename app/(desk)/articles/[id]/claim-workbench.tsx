"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Field, FormAlert, IDLE_STATE, PRIMARY_BUTTON, SECONDARY_BUTTON, SubmitButton } from "@/components/forms";
import { createClaimFromForm } from "@/domains/claims/actions";
import { dismissSuggestionFromForm } from "@/domains/suggestions/actions";
import { reasonLabel } from "@/domains/suggestions/reasons";
import type { Reason } from "@/domains/suggestions/signals";

export interface WorkbenchSuggestion {
  rank: number;
  startOffset: number;
  endOffset: number;
  text: string;
  score: number;
  reasons: Reason[];
}

interface Span {
  startOffset: number;
  endOffset: number;
}

/** The article offsets of the current selection inside `container`, from the pieces' `data-offset`. */
function selectedSpan(container: HTMLElement): Span | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const pieces = [...container.querySelectorAll<HTMLElement>("[data-offset]")].filter((piece) =>
    range.intersectsNode(piece.firstChild ?? piece),
  );
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) return null;
  const startOffset =
    Number(first.dataset.offset) + (first.firstChild === range.startContainer ? range.startOffset : 0);
  const endOffset =
    Number(last.dataset.offset) +
    (last.firstChild === range.endContainer ? range.endOffset : (last.textContent ?? "").length);
  return endOffset > startOffset ? { startOffset, endOffset } : null;
}

/** A selection to claim, and where its "Claim this" button goes: px from the text's top left corner. */
interface SelectionPrompt extends Span {
  top: number;
  end: number;
}

/** The selected span and the bottom right corner of its last line, relative to `container`. */
function selectionPrompt(container: HTMLElement): SelectionPrompt | null {
  const span = selectedSpan(container);
  if (!span) return null;
  const range = window.getSelection()!.getRangeAt(0);
  // A selection ending at a line's start also yields an empty box there: the last line is the last
  // box with width.
  const lastLine = [...range.getClientRects()].filter((box) => box.width > 0).at(-1) ?? range.getBoundingClientRect();
  const origin = container.getBoundingClientRect();
  return { ...span, top: lastLine.bottom - origin.top, end: lastLine.right - origin.left };
}

/**
 * Follows the selection inside `container`: the span to claim and where to offer it, or null when
 * the selection collapses, leaves the text, or Escape dismisses it. While the pointer is held the
 * selection is still being made, so the button waits for its release instead of following the drag.
 */
function useSelectionPrompt(container: React.RefObject<HTMLElement | null>) {
  const [prompt, setPrompt] = useState<SelectionPrompt | null>(null);
  useEffect(() => {
    const text = container.current;
    if (!text) return;
    let pointerHeld = false;
    const place = () => setPrompt(pointerHeld ? null : selectionPrompt(text));
    const press = (event: PointerEvent) => {
      if (!text.contains(event.target as Node)) return;
      pointerHeld = true;
      setPrompt(null);
    };
    const release = () => {
      if (!pointerHeld) return;
      pointerHeld = false;
      place();
    };
    const dismiss = (event: KeyboardEvent) => {
      if (event.key === "Escape") setPrompt(null);
    };
    document.addEventListener("selectionchange", place);
    document.addEventListener("pointerdown", press);
    document.addEventListener("pointerup", release);
    document.addEventListener("pointercancel", release);
    document.addEventListener("keydown", dismiss);
    // The text reflows on a resize or a rotated phone; the button moves with it.
    window.addEventListener("resize", place);
    // Words selected while the page was still loading.
    place();
    return () => {
      document.removeEventListener("selectionchange", place);
      document.removeEventListener("pointerdown", press);
      document.removeEventListener("pointerup", release);
      document.removeEventListener("pointercancel", release);
      document.removeEventListener("keydown", dismiss);
      window.removeEventListener("resize", place);
    };
  }, [container]);
  return [prompt, () => setPrompt(null)] as const;
}

/**
 * The editor's article page: the text (server-rendered, passed as children) where any selection can
 * become a claim, the composer for a new claim, the ranked suggestions to accept or dismiss, and
 * `below` (the article's claims) under the text.
 */
export function ClaimWorkbench({
  articleId,
  body,
  topics,
  suggestions,
  children,
  below,
}: {
  articleId: number;
  body: string;
  topics: string[];
  suggestions: WorkbenchSuggestion[];
  children: React.ReactNode;
  below: React.ReactNode;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [prompt, clearPrompt] = useSelectionPrompt(textRef);
  const [draft, setDraft] = useState<(Span & { statement: string; key: number }) | null>(null);
  const [createState, createAction] = useActionState(createClaimFromForm, IDLE_STATE);
  const [dismissState, dismissAction] = useActionState(dismissSuggestionFromForm, IDLE_STATE);

  // A draft saved since it was opened is done: the form closes and the success message stays.
  const openDraft = draft && !(createState.status === "success" && createState.at > draft.key) ? draft : null;

  const startDraft = (span: Span) => {
    setDraft({ ...span, statement: body.slice(span.startOffset, span.endOffset).trim(), key: Date.now() });
  };
  const claimSelection = (span: Span) => {
    startDraft(span);
    // The form now holds the span (and shows its quote): the selection and its button are done.
    window.getSelection()?.removeAllRanges();
    clearPrompt();
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
      <div className="relative">
        <div ref={textRef}>{children}</div>
        {/* Next to the selection, and the next tab stop after the text, so a keyboard user who
            selected with the caret reaches it too. It replaces the "Claim the selection" button that
            sat atop the side panel: off screen while one selects mid-article, and no easier to reach
            from the keyboard than this one. Pressing it keeps the selection (no mousedown default),
            and it sits centred under the selection's end, clamped to the text's box. */}
        {prompt ? (
          <button
            type="button"
            className={`${PRIMARY_BUTTON} absolute z-10 w-28 whitespace-nowrap shadow-lg`}
            style={{ top: `${prompt.top + 6}px`, left: `clamp(0.5rem, ${prompt.end}px - 3.5rem, 100% - 7.5rem)` }}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => claimSelection(prompt)}
          >
            Claim this
          </button>
        ) : null}
      </div>
      {/* On a desktop the panel stays beside the text as one reads down it, so the form a selection
          opens is next to that selection. It spans the claims under the text too: a sticky panel stops
          at the end of its grid area, and ending with the text would push the form above the screen
          for a selection in the last paragraphs. */}
      <div className="space-y-6 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        <section
          aria-labelledby="new-claim-heading"
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="new-claim-heading" className="text-base font-semibold">
            New claim
          </h2>
          <FormAlert state={createState} />
          {openDraft ? (
            <ClaimDraftForm
              key={openDraft.key}
              articleId={articleId}
              body={body}
              topics={topics}
              draft={openDraft}
              state={createState}
              action={createAction}
              onCancel={() => setDraft(null)}
            />
          ) : (
            <p className="text-sm text-slate-700">
              Select words in the article and choose “Claim this” beside them, or accept a suggestion below.
            </p>
          )}
        </section>

        <section
          aria-labelledby="suggestions-heading"
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
        >
          <h2 id="suggestions-heading" className="text-base font-semibold">
            Suggested claims ({suggestions.length})
          </h2>
          <p className="text-xs text-slate-600">
            Sentences with figures, dates, named actors, quotations, comparisons or causes, best first; marked S1, S2…
            in the text.
          </p>
          <FormAlert state={dismissState} />
          <ol className="space-y-3 text-sm">
            {suggestions.map((suggestion) => (
              <li
                key={`${suggestion.startOffset}-${suggestion.endOffset}`}
                className="space-y-2 border-t border-slate-200 pt-3"
              >
                <p>
                  <span className="font-semibold">S{suggestion.rank}</span> “{suggestion.text}”
                </p>
                <p className="text-xs text-slate-700">
                  Score {Math.round(suggestion.score * 100)}%: {suggestion.reasons.map(reasonLabel).join(", ")}.
                </p>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className={SECONDARY_BUTTON} onClick={() => startDraft(suggestion)}>
                    Accept S{suggestion.rank}…
                  </button>
                  <form action={dismissAction}>
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="startOffset" value={suggestion.startOffset} />
                    <input type="hidden" name="endOffset" value={suggestion.endOffset} />
                    <SubmitButton variant="danger">{`Dismiss S${suggestion.rank}`}</SubmitButton>
                  </form>
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
      {/* After the panel in the page's order, so on a phone the form and suggestions follow the text. */}
      <div className="lg:col-start-1">{below}</div>
    </div>
  );
}

function ClaimDraftForm({
  articleId,
  body,
  topics,
  draft,
  state,
  action,
  onCancel,
}: {
  articleId: number;
  body: string;
  topics: string[];
  draft: Span & { statement: string };
  state: Parameters<typeof FormAlert>[0]["state"];
  action: (formData: FormData) => void;
  onCancel: () => void;
}) {
  const typed = (name: string, fallback: string) =>
    state.status === "error" && name in state.values ? state.values[name]! : fallback;
  const [start, setStart] = useState(typed("startOffset", String(draft.startOffset)));
  const [end, setEnd] = useState(typed("endOffset", String(draft.endOffset)));
  const quote = body.slice(Number(start) || 0, Number(end) || 0);

  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="articleId" value={articleId} />
      <div className="grid grid-cols-2 gap-3">
        <Field id="startOffset" name="startOffset" label="Starts at" state={state}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={body.length}
              // The form opens from a button (Claim this, Accept S1…) far from it on a phone: focus
              // brings the user, and their screen reader, to it.
              autoFocus
              value={start}
              onChange={(event) => setStart(event.target.value)}
            />
          )}
        </Field>
        <Field id="endOffset" name="endOffset" label="Ends at" state={state}>
          {(control) => (
            <input
              {...control}
              type="number"
              min={0}
              max={body.length}
              value={end}
              onChange={(event) => setEnd(event.target.value)}
            />
          )}
        </Field>
      </div>
      <figure className="rounded-md bg-slate-50 p-2 text-sm">
        <figcaption className="text-xs font-medium text-slate-700">
          The quote (the article&apos;s words at these positions)
        </figcaption>
        <blockquote className="mt-1 font-serif">{quote.trim() || "—"}</blockquote>
      </figure>
      <Field
        id="statement"
        name="statement"
        label="Statement"
        state={state}
        hint="The claim as one checkable sentence."
      >
        {(control) => <textarea {...control} rows={3} defaultValue={typed("statement", draft.statement)} />}
      </Field>
      <Field id="topic" name="topic" label="Topic" state={state}>
        {(control) => (
          <>
            <input {...control} list="topic-options" defaultValue={typed("topic", "")} />
            <datalist id="topic-options">
              {topics.map((topic) => (
                <option key={topic} value={topic} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id="attributedTo" name="attributedTo" label="Attributed to (optional)" state={state}>
        {(control) => <input {...control} defaultValue={typed("attributedTo", "")} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton>Add the claim</SubmitButton>
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
