"use client";

import { useActionState, useRef, useState } from "react";
import { Field, FormAlert, IDLE_STATE, SECONDARY_BUTTON, SubmitButton } from "@/components/forms";
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

/**
 * The editor's article page: the text (server-rendered, passed as children) where any selection can
 * become a claim, the composer for a new claim, and the ranked suggestions to accept or dismiss.
 */
export function ClaimWorkbench({
  articleId,
  body,
  topics,
  suggestions,
  children,
}: {
  articleId: number;
  body: string;
  topics: string[];
  suggestions: WorkbenchSuggestion[];
  children: React.ReactNode;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [selection, setSelection] = useState<Span | null>(null);
  const [draft, setDraft] = useState<(Span & { statement: string; key: number }) | null>(null);
  const [createState, createAction] = useActionState(createClaimFromForm, IDLE_STATE);
  const [dismissState, dismissAction] = useActionState(dismissSuggestionFromForm, IDLE_STATE);

  // A draft saved since it was opened is done: the form closes and the success message stays.
  const openDraft = draft && !(createState.status === "success" && createState.at > draft.key) ? draft : null;

  const startDraft = (span: Span) => {
    setDraft({ ...span, statement: body.slice(span.startOffset, span.endOffset).trim(), key: Date.now() });
  };
  const noteSelection = () => {
    if (textRef.current) setSelection(selectedSpan(textRef.current));
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div ref={textRef} onMouseUp={noteSelection} onKeyUp={noteSelection}>
        {children}
      </div>
      <div className="space-y-6">
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
            <>
              <p className="text-sm text-slate-700">Select words in the article, or accept a suggestion below.</p>
              <button
                type="button"
                className={SECONDARY_BUTTON}
                disabled={!selection}
                onClick={() => selection && startDraft(selection)}
              >
                {selection
                  ? `Claim the selection (characters ${selection.startOffset}–${selection.endOffset})`
                  : "Claim the selection"}
              </button>
            </>
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
