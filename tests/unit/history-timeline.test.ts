import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HistoryTimeline } from "@/app/(desk)/claims/[id]/history-timeline";
import type { ClaimEventAction } from "@/domains/claims/events";
import type { JsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

/** Each field of the event's timeline entry as the page shows it: its label, then what it was and became. */
function renderedEvent(action: ClaimEventAction, before: JsonValue, after: JsonValue, showOffsets = false): string {
  const event = { id: 1, action, before, after, createdAt: new Date("2024-06-01T10:00:00Z"), actor: { name: "Rita" } };
  return renderToStaticMarkup(createElement(HistoryTimeline, { events: [event], people: new Map(), showOffsets }));
}

function fieldsIn(html: string): [string, string][] {
  return [...html.matchAll(/<dt[^>]*>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd>/g)].map(([, label, value]) => [label!, value!]);
}

function shownFields(action: ClaimEventAction, before: JsonValue, after: JsonValue): [string, string][] {
  return fieldsIn(renderedEvent(action, before, after));
}

describe("history timeline field labels", () => {
  const created = {
    startOffset: 120,
    endOffset: 180,
    quote: "7.1 million people",
    statement: "A claim.",
    topic: "Aid",
  };

  it("names what a new claim was created with, without its character offsets", () => {
    const html = renderedEvent("created", {}, created);
    expect(fieldsIn(html)).toEqual([
      ["Quote", "7.1 million people"],
      ["Statement", "A claim."],
      ["Topic", "Aid"],
    ]);
    expect(html).not.toContain("<details");
  });

  it("folds the character offsets away for those who place spans", () => {
    const html = renderedEvent("created", {}, created, true);
    const [shown, folded] = html.split("<details");
    expect(fieldsIn(shown!).map(([label]) => label)).toEqual(["Quote", "Statement", "Topic"]);
    expect(folded).toContain("<summary");
    expect(fieldsIn(folded!)).toEqual([
      ["Starts at character", "120"],
      ["Ends at character", "180"],
    ]);
  });

  it("names the claim a duplicate points at", () => {
    expect(shownFields("duplicate_linked", { duplicateOfId: null }, { duplicateOfId: 12 })).toEqual([
      ["Duplicate of claim", "— → 12"],
    ]);
  });

  it("shows a source's fields without its id, and the workflow's as before", () => {
    const source = { id: 3, url: "https://example.org/a", title: "A report", stance: "refutes", archiveUrl: null };
    expect(shownFields("source_removed", source, {})).toEqual([
      ["URL", "https://example.org/a → —"],
      ["Title", "A report → —"],
      ["Stance", "Refutes the claim → —"],
      ["Archive URL", "— → —"],
    ]);
    expect(
      shownFields("proposed", { status: "in_progress" }, { status: "awaiting_second_review", proposedBy: "Rita" }),
    ).toEqual([
      ["Status", "In progress → Awaiting second review"],
      ["Proposed by", "Rita"],
    ]);
  });

  it("keeps the name of a field it has no label for", () => {
    expect(shownFields("edited", {}, { legacyNote: "kept" })).toEqual([["legacyNote", "kept"]]);
  });
});
