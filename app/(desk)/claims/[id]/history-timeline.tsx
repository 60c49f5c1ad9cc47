import { useId } from "react";
import { z } from "zod";
import { FormattedDateTime } from "@/components/dates";
import {
  type ClaimEventAction,
  type ClaimEventField,
  claimEventFieldSchema,
  eventLabel,
} from "@/domains/claims/events";
import { STATUS_LABELS, VERDICT_LABELS } from "@/domains/claims/labels";
import { reviewStatusSchema, verdictSchema } from "@/domains/claims/schema";
import { STANCE_LABELS } from "@/domains/sources/labels";
import { SourceStance } from "@/lib/generated/prisma/enums";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

interface TimelineEvent {
  id: number;
  action: ClaimEventAction;
  before: JsonValue;
  after: JsonValue;
  createdAt: Date;
  actor: { name: string } | null;
}

/** A source's id names the source an event is about; the timeline does not show it. */
const HIDDEN_FIELD = "id";

const FIELD_LABELS: Record<Exclude<ClaimEventField, typeof HIDDEN_FIELD>, string> = {
  status: "Status",
  verdict: "Verdict",
  rationale: "Rationale",
  assigneeId: "Assignee",
  comment: "Comment",
  reason: "Reason",
  proposedBy: "Proposed by",
  duplicateOfId: "Duplicate of claim",
  startOffset: "Starts at character",
  endOffset: "Ends at character",
  quote: "Quote",
  statement: "Statement",
  topic: "Topic",
  url: "URL",
  title: "Title",
  publisher: "Publisher",
  excerpt: "Excerpt",
  stance: "Stance",
  archiveUrl: "Archive URL",
};

const shownFieldSchema = claimEventFieldSchema.exclude([HIDDEN_FIELD]);
const stanceSchema = z.enum(SourceStance);

/**
 * Where a claim's span starts and ends in the article's text: what an editor placing or adjusting a span
 * reads, and noise to everyone else, so only editors see it, folded away.
 */
const OFFSET_FIELDS: readonly string[] = ["startOffset", "endOffset"];

/** Events written by older code may name other fields: those keep their name. */
function fieldLabel(field: string): string {
  const shown = shownFieldSchema.safeParse(field);
  return shown.success ? FIELD_LABELS[shown.data] : field;
}

function display(field: string, value: JsonValue | undefined, people: Map<string, string>): string {
  if (value === undefined || value === null || value === "") return "—";
  const status = field === "status" ? reviewStatusSchema.safeParse(value) : undefined;
  if (status?.success) return STATUS_LABELS[status.data];
  const verdict = field === "verdict" ? verdictSchema.safeParse(value) : undefined;
  if (verdict?.success) return VERDICT_LABELS[verdict.data];
  const stance = field === "stance" ? stanceSchema.safeParse(value) : undefined;
  if (stance?.success) return STANCE_LABELS[stance.data];
  if (field === "assigneeId" && typeof value === "string") return people.get(value) ?? "another user";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function asObject(value: JsonValue): Record<string, JsonValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, JsonValue>) : {};
}

function FieldChanges({
  fields,
  before,
  after,
  people,
}: {
  fields: string[];
  before: Record<string, JsonValue>;
  after: Record<string, JsonValue>;
  people: Map<string, string>;
}) {
  return (
    <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-700">
      {fields.map((field) => (
        <div key={field} className="contents">
          <dt className="font-medium">{fieldLabel(field)}</dt>
          <dd className="break-words whitespace-pre-wrap">
            {field in before ? `${display(field, before[field], people)} → ` : ""}
            {display(field, after[field], people)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface TimelineProps {
  events: TimelineEvent[];
  people: Map<string, string>;
  showOffsets: boolean;
}

/**
 * The claim's append-only history, oldest first: who did what, and each field before and after, in
 * words; character offsets only for those who place spans (`showOffsets`).
 */
export function HistoryTimeline({ events, people, showOffsets }: TimelineProps) {
  if (events.length === 0)
    return <p className="text-sm text-slate-700">No change has been recorded for this claim yet.</p>;
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4 text-sm">
      {events.map((event) => {
        const before = asObject(event.before);
        const after = asObject(event.after);
        const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
          (field) => field !== HIDDEN_FIELD,
        );
        const fields = changed.filter((field) => !OFFSET_FIELDS.includes(field));
        const offsets = showOffsets ? changed.filter((field) => OFFSET_FIELDS.includes(field)) : [];
        return (
          <li key={event.id}>
            <p>
              <span className="font-medium">{event.actor?.name ?? "System"}</span> {eventLabel(event.action)}{" "}
              <span className="text-slate-600">
                · <FormattedDateTime date={event.createdAt} />
              </span>
            </p>
            {fields.length > 0 ? <FieldChanges fields={fields} before={before} after={after} people={people} /> : null}
            {offsets.length > 0 ? (
              <details className="mt-1 text-xs text-slate-700">
                <summary className="cursor-pointer">Character offsets</summary>
                <FieldChanges fields={offsets} before={before} after={after} people={people} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The history as the claim page shows it: folded away at first, with its count of events. The page's
 * panels say where the claim stands; the history is what one opens to see how it got there.
 */
export function CollapsibleHistory({ events, people, showOffsets }: TimelineProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white">
      <details className="group">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-lg p-4 hover:bg-slate-50 sm:px-6 [&::-webkit-details-marker]:hidden">
          <span>
            <h2 id={headingId} className="inline text-base font-semibold">
              History
            </h2>{" "}
            <span className="text-sm text-slate-600">
              ({events.length} {events.length === 1 ? "event" : "events"})
            </span>
          </span>
          <span aria-hidden="true" className="text-slate-600 transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="px-4 pb-4 sm:px-6 sm:pb-6">
          <HistoryTimeline events={events} people={people} showOffsets={showOffsets} />
        </div>
      </details>
    </section>
  );
}
