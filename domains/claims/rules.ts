import type { Actor } from "@/domains/users/rules";
import { hasRole } from "@/domains/users/roles";
import type { ReviewStatus, Verdict } from "@/lib/generated/prisma/enums";
import { allow, type Decision, deny } from "@/lib/permission";
import { STATUS_LABELS } from "./labels";
import { MIN_RATIONALE_LENGTH } from "./limits";

/**
 * Who may do what to a claim, now: one answer for the server (which refuses with its reason) and for
 * the claim's page (which offers only what it allows). Pure and client-safe: it reads plain data, the
 * claim as the server locked it or as the page loaded it.
 */

/** A claim is worked on (its verdict, sources and duplicate mark change) until it is proposed for review. */
export const OPEN_STATUSES: readonly ReviewStatus[] = ["unreviewed", "in_progress"];

/** What the rules read of a claim. */
export interface ClaimFacts {
  status: ReviewStatus;
  assigneeId: string | null;
  proposedById: string | null;
  /**
   * Everyone who wrote part of the verdict or rationale under review (since the claim was created or
   * last reopened). The server reads it from the history when approving; left out, approval is
   * judged without the two-person rule.
   */
  verdictWriterIds?: readonly string[];
  /** When its publication was retracted; null or left out while it stands (or was never published). */
  retractedAt?: Date | null;
}

function isEditor(actor: Actor): boolean {
  return hasRole(actor.role, "editor");
}

function isOpen(claim: ClaimFacts): boolean {
  return OPEN_STATUSES.includes(claim.status);
}

/** Reviewers work on claims assigned to them; editors and admins on any claim. `doing` ends the refusal. */
function mayWork(actor: Actor, claim: ClaimFacts, doing: string): Decision {
  if (isEditor(actor) || claim.assigneeId === actor.id) return allow();
  return deny(
    claim.assigneeId
      ? `This claim is assigned to someone else: only they or an editor can ${doing}.`
      : `Take the claim before you ${doing}.`,
  );
}

/**
 * Assigning the claim to `assigneeId` (null: to nobody). Editors assign to anyone; a reviewer may
 * only take an unassigned claim or release their own; the assignee it already has is no change.
 * Without `assigneeId`, whether the actor may assign it to anyone they choose: editors.
 */
export function mayAssign(actor: Actor, claim: ClaimFacts, assigneeId?: string | null): Decision {
  if (assigneeId !== undefined && assigneeId === claim.assigneeId) return allow();
  if (isEditor(actor)) return allow();
  const taking = assigneeId === actor.id && claim.assigneeId === null;
  const releasing = assigneeId === null && claim.assigneeId === actor.id;
  if (taking || releasing) return allow();
  return deny("Reviewers can take an unassigned claim or release their own; editors assign claims.");
}

export function mayTake(actor: Actor, claim: ClaimFacts): Decision {
  return mayAssign(actor, claim, actor.id);
}

export function mayRelease(actor: Actor, claim: ClaimFacts): Decision {
  return mayAssign(actor, claim, null);
}

/**
 * Starting work puts the claim in progress; a reviewer starting an unassigned claim takes it. A
 * claim awaiting review goes back in progress only by withdrawing its proposal, so that rule answers;
 * one in progress already is no change.
 */
export function mayStart(actor: Actor, claim: ClaimFacts): Decision {
  switch (claim.status) {
    case "verified":
      return deny("A verified claim is reopened by an editor, with a reason: POST /api/claims/:id/reopen.");
    case "awaiting_second_review":
      return mayWithdraw(actor, claim);
    case "in_progress":
      return allow();
    case "unreviewed":
      if (claim.assigneeId === null) return allow();
      return mayWork(actor, claim, "work on it");
  }
}

/**
 * Whether starting work on the claim takes it: a reviewer, who works only on claims assigned to them,
 * takes an unassigned claim by starting it; an editor starts it and leaves it unassigned.
 */
export function startTakesClaim(actor: Actor, claim: ClaimFacts): boolean {
  return claim.assigneeId === null && !isEditor(actor);
}

/** The verdict and rationale change while the claim is open, by its assignee or an editor. */
export function mayEditVerdict(actor: Actor, claim: ClaimFacts): Decision {
  if (claim.status === "verified") {
    return deny("This claim is verified: an editor must reopen it before its verdict can change.");
  }
  if (claim.status === "awaiting_second_review") {
    return deny("This verdict is awaiting a second review: it must be sent back before it changes.");
  }
  return mayWork(actor, claim, "edit its verdict");
}

/**
 * Proposing the verdict for a second review: a claim in progress, by its assignee or an editor.
 * Whether the verdict is complete enough is `proposalProblems`, a question about the fields.
 */
export function mayPropose(actor: Actor, claim: ClaimFacts): Decision {
  if (claim.status !== "in_progress") {
    return deny(
      `Only a claim in progress can be proposed for review; this one is ${STATUS_LABELS[claim.status].toLowerCase()}.`,
    );
  }
  return mayWork(actor, claim, "propose its verdict");
}

/** What a verdict still lacks before it can be proposed, by field; empty when it can be. */
export function proposalProblems(
  verdict: Verdict,
  rationale: string | null,
  sourceCount: number,
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  if (verdict === "unrated") fields.verdict = ["Choose a verdict before proposing it."];
  if ((rationale ?? "").trim().length < MIN_RATIONALE_LENGTH) {
    fields.rationale = [`Explain the verdict (at least ${MIN_RATIONALE_LENGTH} characters).`];
  }
  if (verdict !== "not_a_claim" && sourceCount === 0) fields.sources = ["Attach at least one source first."];
  return fields;
}

/** The proposer or an editor takes a proposal back; other reviewers send it back instead. */
export function mayWithdraw(actor: Actor, claim: ClaimFacts): Decision {
  if (claim.status === "verified") {
    return deny("A verified claim is reopened by an editor, with a reason: POST /api/claims/:id/reopen.");
  }
  if (claim.status !== "awaiting_second_review") {
    return deny(
      `Only a proposed verdict can be withdrawn; this claim is ${STATUS_LABELS[claim.status].toLowerCase()}.`,
    );
  }
  if (claim.proposedById === actor.id || isEditor(actor)) return allow();
  return deny("Only the proposer or an editor can withdraw a proposed verdict; reviewers send it back.");
}

/** The second review, either way: a claim awaiting it, by anyone but its proposer. */
export function maySendBack(actor: Actor, claim: ClaimFacts): Decision {
  if (claim.status !== "awaiting_second_review") {
    return deny("Only a claim awaiting second review can be approved or sent back.");
  }
  if (claim.proposedById === actor.id) {
    return deny("You proposed this verdict: another reviewer or an editor must review it.");
  }
  return allow();
}

/**
 * Approval adds the two-person rule: nobody who wrote any of the verdict or its rationale approves
 * it, an editor who edited it included; assigning the claim or sending it back is not writing it.
 */
export function mayApprove(actor: Actor, claim: ClaimFacts): Decision {
  const review = maySendBack(actor, claim);
  if (!review.allowed) return review;
  if (claim.verdictWriterIds?.includes(actor.id)) {
    return deny(
      "You wrote part of this verdict or its rationale: someone who did not must approve it. You can still send it back.",
    );
  }
  return allow();
}

/**
 * A retraction stays: its public page keeps saying why it was withdrawn, and partners told "410 Gone"
 * for its ClaimReview are never served a new one at the same address. Reopening it would take the page
 * down until a new verdict is approved and then republish it quietly.
 */
const RETRACTION_IS_FINAL =
  "This fact-check was retracted: a retraction is final, so it is not reopened or retracted again.";

/**
 * Editors reopen a verified claim to correct it. Without the claim, whether the actor reopens claims
 * at all: the server asks before reading it, so a reviewer is refused whatever the claim's state.
 */
export function mayReopen(actor: Actor, claim?: ClaimFacts): Decision {
  if (!isEditor(actor)) return deny("Only editors can reopen a verified claim.");
  if (claim?.retractedAt) return deny(RETRACTION_IS_FINAL);
  if (claim && claim.status !== "verified") return deny("Only a verified claim can be reopened.");
  return allow();
}

/**
 * Editors and admins withdraw a published (verified) fact-check with a public reason. Without the
 * claim, whether the actor retracts at all: the server asks before reading it.
 */
export function mayRetract(actor: Actor, claim?: ClaimFacts): Decision {
  if (!isEditor(actor)) return deny("Only editors and admins can retract a published fact-check.");
  if (claim?.retractedAt) return deny(RETRACTION_IS_FINAL);
  if (claim && claim.status !== "verified") return deny("Only a verified, published fact-check can be retracted.");
  return allow();
}

/** Marking (or clearing the mark of) a duplicate is work on an open claim. */
export function mayMarkDuplicate(actor: Actor, claim: ClaimFacts): Decision {
  if (!isOpen(claim)) return deny("Only an unreviewed or in-progress claim can be marked as a duplicate.");
  return mayWork(actor, claim, "mark it as a duplicate");
}

/** The claim a duplicate repeats, as far as the rules read it. */
export interface DuplicateOriginal {
  id: number;
  status: ReviewStatus;
  retractedAt?: Date | null;
}

/**
 * Taking the verdict or sources of the claim this one duplicates: work on a claim in progress, while
 * the original is verified (reopened for a correction, it is no one's starting point). Without the
 * original (not marked, or not known), only the claim is judged.
 */
export function mayStartFromDuplicate(actor: Actor, claim: ClaimFacts, original?: DuplicateOriginal | null): Decision {
  if (claim.status !== "in_progress") return deny("Start work on the claim first.");
  const work = mayWork(actor, claim, "start from the earlier verdict");
  if (!work.allowed) return work;
  if (original?.retractedAt) {
    return deny(`Claim #${original.id} was retracted: its verdict and sources are no longer anyone's starting point.`);
  }
  if (original && original.status !== "verified") {
    return deny(
      `Claim #${original.id} is no longer verified (it was reopened for a correction): its verdict and sources can be taken once it is verified again.`,
    );
  }
  return allow();
}

/** Editors and admins add claims to an article (an accepted suggestion or any selected span). */
export function mayCreateClaim(actor: Actor): Decision {
  return isEditor(actor) ? allow() : deny("Only editors and admins add claims to an article.");
}

/** Editors and admins file claims under a topic (set when an editor adds the claim). */
export function maySetTopic(actor: Actor): Decision {
  return isEditor(actor) ? allow() : deny("Only editors and admins change a claim's topic.");
}

/**
 * Editors and admins change several claims at once (assign, release, set the topic); each claim is
 * still judged by the rule of its change, as it would be one at a time. The claims list asks it to
 * offer the selection checkboxes.
 */
export function mayBulkEdit(actor: Actor): Decision {
  return isEditor(actor) ? allow() : deny("Only editors and admins change claims in bulk.");
}

/** A claim's history event, as far as the two-person rule reads it. */
interface HistoryEvent {
  id: number;
  action: string;
  after: unknown;
  actor: { id: string } | null;
}

/** Approving repeats the verdict in its event but does not write it. */
const NOT_WRITING = new Set(["approved", "correction_approved"]);

/**
 * Who wrote part of the verdict or rationale under review, from the claim's history: the actors of
 * events since the claim was created or last reopened that set either (an edit, a start or proposal
 * that edited, a verdict taken from a duplicate). The server asks the same of the database when a
 * verdict is approved; the page reads it from the events it shows.
 */
export function verdictWriterIds(events: readonly HistoryEvent[]): string[] {
  const lastReopening = Math.max(0, ...events.filter((event) => event.action === "reopened").map((event) => event.id));
  const writers = events
    .filter((event) => event.id > lastReopening && !NOT_WRITING.has(event.action) && setsVerdict(event.after))
    .flatMap((event) => (event.actor ? [event.actor.id] : []));
  return [...new Set(writers)];
}

function setsVerdict(after: unknown): boolean {
  return (
    typeof after === "object" && after !== null && !Array.isArray(after) && ("verdict" in after || "rationale" in after)
  );
}

/**
 * What the claim page's review panel offers the viewer: each control only when the rules above allow
 * its action, and only at the stage where the page shows it (the API also lets a verified claim be
 * taken, which the page does not offer).
 */
export interface WorkflowOffers {
  /**
   * One action to begin an unassigned, unreviewed claim: the viewer takes it and starts work on it, as
   * one change. Where it is offered, taking alone and starting alone are not.
   */
  takeAndStart: boolean;
  take: boolean;
  /** A reviewer releases their claim; editors use the assignee list instead. */
  release: boolean;
  assign: boolean;
  start: boolean;
  /** The verdict form, to save a draft and propose it. */
  draft: boolean;
  /** In progress, but not the viewer's to work on: the page says whose it is. */
  workedOnByOthers: boolean;
  /** While a verdict awaits its second review. */
  review: {
    proposedByViewer: boolean;
    sendBack: Decision;
    approve: Decision;
    withdraw: Decision;
  } | null;
  reopen: boolean;
}

export function workflowOffers(actor: Actor, claim: ClaimFacts): WorkflowOffers {
  const assign = mayAssign(actor, claim).allowed;
  const takeAndStart =
    claim.status === "unreviewed" &&
    claim.assigneeId === null &&
    mayTake(actor, claim).allowed &&
    mayStart(actor, { ...claim, assigneeId: actor.id }).allowed;
  const draft =
    claim.status === "in_progress" && mayEditVerdict(actor, claim).allowed && mayPropose(actor, claim).allowed;
  return {
    takeAndStart,
    take: !takeAndStart && claim.assigneeId === null && claim.status !== "verified" && mayTake(actor, claim).allowed,
    release: claim.assigneeId === actor.id && !assign && mayRelease(actor, claim).allowed,
    assign,
    start: !takeAndStart && claim.status === "unreviewed" && mayStart(actor, claim).allowed,
    draft,
    workedOnByOthers: claim.status === "in_progress" && !draft,
    review:
      claim.status === "awaiting_second_review"
        ? {
            proposedByViewer: claim.proposedById === actor.id,
            sendBack: maySendBack(actor, claim),
            approve: mayApprove(actor, claim),
            withdraw: mayWithdraw(actor, claim),
          }
        : null,
    reopen: mayReopen(actor, claim).allowed,
  };
}

/**
 * What the claim page offers about duplicates: marking the claim (or clearing its mark) while it is
 * open, and, once it is marked, taking the original's verdict and sources; when they cannot be taken
 * yet by someone who works on the claim, the page says why.
 */
export interface DuplicateOffers {
  mark: boolean;
  takeFromOriginal: "offered" | "original_reopened" | "original_retracted" | "start_work_first" | "none";
}

export function duplicateOffers(actor: Actor, claim: ClaimFacts, original: DuplicateOriginal | null): DuplicateOffers {
  const worksOnIt = mayWork(actor, claim, "work on it").allowed;
  const takeFromOriginal = (): DuplicateOffers["takeFromOriginal"] => {
    if (!original || !worksOnIt) return "none";
    if (claim.status === "unreviewed") return "start_work_first";
    if (!mayStartFromDuplicate(actor, claim).allowed) return "none";
    if (original.retractedAt) return "original_retracted";
    return mayStartFromDuplicate(actor, claim, original).allowed ? "offered" : "original_reopened";
  };
  return { mark: mayMarkDuplicate(actor, claim).allowed, takeFromOriginal: takeFromOriginal() };
}
