"use client";

import { useActionState, useState } from "react";
import { FormattedDateTime } from "@/components/dates";
import { FieldError, fieldErrors, IDLE_STATE, INPUT, LABEL, SubmitButton } from "@/components/forms";
import type { ClaimDetail } from "@/domains/claims/data";
import { addSourceAction, removeSourceAction, updateSourceAction } from "@/domains/sources/actions";
import { STANCE_LABELS } from "@/domains/sources/labels";
import { MAX_EXCERPT_LENGTH, MAX_TITLE_LENGTH } from "@/domains/sources/limits";
import type { ActionState } from "@/lib/action-state";
import { ActionMessage, currentOutcome } from "./action-message";

type Source = ClaimDetail["sources"][number];

const LINK = "text-blue-800 underline underline-offset-2";

/**
 * Stored urls are checked on the way in; this also keeps any row written another way (an import, a
 * console) from ever becoming a javascript: or data: link.
 */
function webHref(url: string | null): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function ExternalLink({ url, className, children }: { url: string; className: string; children: React.ReactNode }) {
  const href = webHref(url);
  if (!href) return <span className={className}>{children}</span>;
  return (
    <a href={href} rel="noopener noreferrer nofollow" target="_blank" className={className}>
      {children}
    </a>
  );
}

type SourceFormValues = Record<"url" | "title" | "publisher" | "excerpt" | "stance" | "archiveUrl", string>;

const EMPTY_SOURCE: SourceFormValues = { url: "", title: "", publisher: "", excerpt: "", stance: "", archiveUrl: "" };

function storedValues(source: Source): SourceFormValues {
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher ?? "",
    excerpt: source.excerpt ?? "",
    stance: source.stance,
    archiveUrl: source.archiveUrl ?? "",
  };
}

function HiddenIds({ claimId, version, sourceId }: { claimId: number; version: number; sourceId?: number }) {
  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      {sourceId === undefined ? null : <input type="hidden" name="sourceId" value={sourceId} />}
    </>
  );
}

/**
 * The six controls of a source, shared by the add form and each edit form: filled from what the user
 * typed after a refusal (`state`), with the refusal's field errors while it still holds (`shown`).
 */
function SourceFields({
  idPrefix,
  state,
  shown,
  stored,
  askForStance,
}: {
  idPrefix: string;
  state: ActionState;
  shown: ActionState;
  stored: SourceFormValues;
  askForStance: boolean;
}) {
  const control = (name: keyof SourceFormValues) => ({
    id: `${idPrefix}-${name}`,
    name,
    defaultValue: state.status === "error" ? (state.values[name] ?? stored[name]) : stored[name],
    className: INPUT,
    "aria-invalid": Boolean(fieldErrors(shown, name)),
    "aria-describedby": `${idPrefix}-${name}-hint ${idPrefix}-${name}-error`,
  });
  const field = (name: keyof SourceFormValues, label: string, hint: string, input: React.ReactNode, wide = false) => (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <label htmlFor={`${idPrefix}-${name}`} className={LABEL}>
        {label}
      </label>
      {input}
      <p id={`${idPrefix}-${name}-hint`} className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      <FieldError id={`${idPrefix}-${name}-error`} state={shown} name={name} />
    </div>
  );

  return (
    <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
      {field(
        "url",
        "Source URL",
        "The full address, starting with http:// or https://.",
        <input type="url" required {...control("url")} />,
        true,
      )}
      {field(
        "title",
        "Title",
        `As the source itself titles it; at most ${MAX_TITLE_LENGTH.toLocaleString("en")} characters.`,
        <input type="text" required {...control("title")} />,
        true,
      )}
      {field("publisher", "Publisher", "Optional: who published it.", <input type="text" {...control("publisher")} />)}
      {field(
        "stance",
        "Stance",
        "What the source does to the claim.",
        <select required {...control("stance")}>
          {askForStance ? <option value="">Choose…</option> : null}
          {Object.entries(STANCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>,
      )}
      {field(
        "excerpt",
        "Excerpt",
        `Optional: the passage that matters, at most ${MAX_EXCERPT_LENGTH.toLocaleString("en")} characters.`,
        <textarea rows={3} {...control("excerpt")} />,
        true,
      )}
      {field(
        "archiveUrl",
        "Archive URL",
        "Optional: a saved copy (Wayback Machine, archive.today).",
        <input type="url" {...control("archiveUrl")} />,
        true,
      )}
    </div>
  );
}

function EditSourceForm({ claimId, version, source }: { claimId: number; version: number; source: Source }) {
  const [state, action] = useActionState(updateSourceAction, IDLE_STATE);
  const [open, setOpen] = useState(false);
  const stored = storedValues(source);
  // Rebuilt after an error from what the user typed, and when the stored source changes (as normalised on save).
  const formKey = state.status === "error" ? `error-${state.at}` : JSON.stringify(stored);
  const shown = currentOutcome(state, version);
  return (
    <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-blue-800">Edit source #{source.id}</summary>
      {/* Rendered only while open, so the labels of the add form stay unique on the page. */}
      {open ? (
        <form action={action} key={formKey} className="mt-3 space-y-3" noValidate>
          <ActionMessage state={shown} />
          <HiddenIds claimId={claimId} version={version} sourceId={source.id} />
          <SourceFields
            idPrefix={`source-${source.id}`}
            state={state}
            shown={shown}
            stored={stored}
            askForStance={false}
          />
          <SubmitButton>Save source #{source.id}</SubmitButton>
        </form>
      ) : null}
    </details>
  );
}

function SourceItem({
  claimId,
  version,
  changeable,
  source,
  removeAction,
}: {
  claimId: number;
  version: number;
  changeable: SourceChanges;
  source: Source;
  removeAction: (formData: FormData) => void;
}) {
  return (
    <li className="space-y-1 border-t border-slate-200 pt-3 text-sm first:border-t-0 first:pt-0">
      <p>
        <ExternalLink url={source.url} className={`font-medium ${LINK}`}>
          {source.title}
        </ExternalLink>{" "}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800">
          {STANCE_LABELS[source.stance]}
        </span>
      </p>
      {/* The address in full, so a look-alike host (shown as xn--…) is there to see. */}
      <p className="font-mono text-xs break-all text-slate-700">{source.url}</p>
      <p className="text-slate-700">
        {source.publisher ? `${source.publisher} · ` : ""}Source #{source.id}, added by {source.addedBy.name},{" "}
        <FormattedDateTime date={source.addedAt} />
        {source.archiveUrl ? (
          <>
            {" · "}
            <ExternalLink url={source.archiveUrl} className={LINK}>
              Archived copy
            </ExternalLink>
          </>
        ) : null}
      </p>
      {source.excerpt ? (
        <blockquote className="border-l-4 border-slate-200 pl-3 whitespace-pre-wrap">{source.excerpt}</blockquote>
      ) : null}
      {changeable.edit || changeable.remove ? (
        <div className="flex flex-wrap items-start gap-4 pt-1">
          <div className="min-w-0 flex-1">
            {changeable.edit ? <EditSourceForm claimId={claimId} version={version} source={source} /> : null}
          </div>
          {changeable.remove ? (
            <form action={removeAction}>
              <HiddenIds claimId={claimId} version={version} sourceId={source.id} />
              <SubmitButton variant="danger">
                Remove<span className="sr-only"> source #{source.id}</span>
              </SubmitButton>
            </form>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function AddSourceForm({ claimId, version }: { claimId: number; version: number }) {
  const [state, action] = useActionState(addSourceAction, IDLE_STATE);
  // Rebuilt after each submit: from what the user typed after an error, empty after an add.
  const formKey = state.status === "idle" ? "idle" : state.at;
  const shown = currentOutcome(state, version);
  return (
    <form action={action} key={formKey} aria-labelledby="add-source-heading" className="space-y-3" noValidate>
      <h3 id="add-source-heading" className="text-sm font-semibold">
        Add a source
      </h3>
      <ActionMessage state={shown} />
      <HiddenIds claimId={claimId} version={version} />
      <SourceFields idPrefix="new-source" state={state} shown={shown} stored={EMPTY_SOURCE} askForStance />
      <SubmitButton>Add source</SubmitButton>
    </form>
  );
}

/** Whether the viewer may edit and remove one source, from the source rules (domains/sources/rules.ts). */
export interface SourceChanges {
  edit: boolean;
  remove: boolean;
}

export function SourcesPanel({
  claimId,
  version,
  mayAdd,
  sources,
}: {
  claimId: number;
  version: number;
  /** Sources may be attached: the claim is open to them. */
  mayAdd: boolean;
  sources: (Source & { changes: SourceChanges })[];
}) {
  const [removeState, removeAction] = useActionState(removeSourceAction, IDLE_STATE);
  return (
    <div className="mt-3 space-y-4">
      <ActionMessage state={currentOutcome(removeState, version)} />
      {sources.length === 0 ? (
        <p className="text-sm text-slate-700">No source has been attached yet.</p>
      ) : (
        <ul className="space-y-3">
          {sources.map((source) => (
            <SourceItem
              key={source.id}
              claimId={claimId}
              version={version}
              changeable={source.changes}
              source={source}
              removeAction={removeAction}
            />
          ))}
        </ul>
      )}
      {mayAdd ? (
        <div className="border-t border-slate-200 pt-4">
          <AddSourceForm claimId={claimId} version={version} />
        </div>
      ) : (
        <p className="text-sm text-slate-700">
          Sources are locked while the verdict awaits a second review or once it is verified: send it back, or have an
          editor reopen the claim, to change them.
        </p>
      )}
    </div>
  );
}
