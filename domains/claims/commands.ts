import "server-only";
import type { CurrentUser } from "@/domains/users/roles";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { refuseUnless } from "@/lib/permission";
import { assertVersion, type ClaimChangeData, type ClaimState, commitClaimChange, type Tx } from "./change";
import { type ClaimRecord, getClaimRecord } from "./data";
import type { ClaimEventAction, ClaimEventFields } from "./events";
import {
  type ClaimFacts,
  mayAssign,
  mayEditVerdict,
  mayPropose,
  mayRelease,
  maySetTopic,
  mayStart,
  mayTake,
  mayWithdraw,
  proposalProblems,
  startTakesClaim,
} from "./rules";
import type { ClaimPatch } from "./schema";

/**
 * The named commands of a claim's review workflow: take, release, assign, start, edit, propose and
 * withdraw, each with its guard from the rules module. A command does not write: it adds to a change,
 * and `changeClaim` writes the change as one update and one history event, at one new version. So the
 * workflow form runs the command of the button pressed, and `PATCH /api/claims/:id` runs the several a
 * patch may ask for at once (assign and start, edit and propose) as the one change it has always been.
 * Setting the topic is a command too, for the bulk change of several claims (bulk-mutations.ts), which
 * runs the same commands on each claim under one transaction.
 */

interface Person {
  id: string;
  name: string;
}

type WorkflowColumn = "status" | "verdict" | "rationale" | "assigneeId" | "topic";

/** A change to a claim, as the commands run so far have built it. */
export interface ClaimChangeDraft {
  /** The claim as the user saw it, at the version they sent. */
  readonly seen: ClaimState;
  /** Whom the claim is assigned to once the change applies (the answer names them). */
  readonly assignee: Person | null;
  /** The history event's action: the last command's that counts. */
  readonly action: ClaimEventAction | null;
  readonly data: Readonly<ClaimChangeData>;
  readonly before: ClaimEventFields;
  readonly after: ClaimEventFields;
}

export interface CommandContext {
  readonly actor: CurrentUser;
  readonly client: Tx;
}

export type ClaimCommand = (
  draft: ClaimChangeDraft,
  context: CommandContext,
) => ClaimChangeDraft | Promise<ClaimChangeDraft>;

/**
 * What the rules read: the claim as seen, assigned as the change leaves it. The status stays the one
 * seen: a change moves the status once, and the rule for that move reads where the claim was.
 */
function facts(draft: ClaimChangeDraft): ClaimFacts {
  return { ...draft.seen, assigneeId: draft.assignee?.id ?? null };
}

/** Sets a column the history shows, before and after. */
function withColumn<K extends WorkflowColumn>(draft: ClaimChangeDraft, key: K, value: ClaimState[K]): ClaimChangeDraft {
  if (draft.seen[key] !== value) {
    return {
      ...draft,
      data: { ...draft.data, [key]: value },
      before: { ...draft.before, [key]: draft.seen[key] },
      after: { ...draft.after, [key]: value },
    };
  }
  // Back to the value seen (a release, then a start that takes the claim back): no longer a change.
  return { ...draft, data: omit(draft.data, key), before: omit(draft.before, key), after: omit(draft.after, key) };
}

function omit<T extends object>(record: T, key: string): T {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)) as T;
}

async function activeUser(client: Tx, userId: string): Promise<Person> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { id: true, name: true, active: true } });
  if (!user || !user.active)
    throw new DomainError("invalid", "Choose an active user.", { assigneeId: ["No active user has this id."] });
  return { id: user.id, name: user.name };
}

/** The assignment itself, once its rule allowed it; the assignee it already has is no change. */
async function assignTo(
  draft: ClaimChangeDraft,
  { actor, client }: CommandContext,
  assigneeId: string | null,
): Promise<ClaimChangeDraft> {
  if (assigneeId === (draft.assignee?.id ?? null)) return draft;
  const assignee =
    assigneeId === null
      ? null
      : assigneeId === actor.id
        ? { id: actor.id, name: actor.name }
        : await activeUser(client, assigneeId);
  return { ...withColumn(draft, "assigneeId", assigneeId), assignee, action: "assigned" };
}

/** The actor takes the claim. */
export const take: ClaimCommand = (draft, context) => {
  refuseUnless(mayTake(context.actor, facts(draft)));
  return assignTo(draft, context, context.actor.id);
};

/** The claim goes back to nobody. */
export const release: ClaimCommand = (draft, context) => {
  refuseUnless(mayRelease(context.actor, facts(draft)));
  return assignTo(draft, context, null);
};

/** The claim goes to `assigneeId`, an active user, or to nobody (null). */
export function assign(assigneeId: string | null): ClaimCommand {
  return (draft, context) => {
    refuseUnless(mayAssign(context.actor, facts(draft), assigneeId));
    return assignTo(draft, context, assigneeId);
  };
}

/**
 * The claim is in progress: from unreviewed, work starts, and a reviewer starting an unassigned claim
 * takes it; from awaiting review, the proposal is withdrawn (the rule for starting says so); in
 * progress already, nothing changes.
 */
export const start: ClaimCommand = async (draft, context) => {
  refuseUnless(mayStart(context.actor, facts(draft)));
  if (draft.seen.status === "awaiting_second_review") return withdraw(draft, context);
  if (draft.seen.status !== "unreviewed") return draft;
  const taken = startTakesClaim(context.actor, facts(draft)) ? await assignTo(draft, context, context.actor.id) : draft;
  return { ...withColumn(taken, "status", "in_progress"), action: "started" };
};

/** New values for the verdict and rationale; an empty rationale clears it. */
export interface VerdictEdit {
  verdict?: Verdict;
  rationale?: string;
}

/** The verdict and rationale change; an unreviewed claim is in progress from its first edit. */
export function edit({ verdict, rationale }: VerdictEdit): ClaimCommand {
  return (draft, { actor }) => {
    if (verdict === undefined && rationale === undefined) return draft;
    refuseUnless(mayEditVerdict(actor, facts(draft)));
    const withVerdict = verdict === undefined ? draft : withColumn(draft, "verdict", verdict);
    const edited =
      rationale === undefined ? withVerdict : withColumn(withVerdict, "rationale", rationale === "" ? null : rationale);
    const started = draft.seen.status === "unreviewed" ? withColumn(edited, "status", "in_progress") : edited;
    return { ...started, action: "edited" };
  };
}

/** The verdict, as the change leaves it, goes to a second review; it must be complete enough first. */
export const propose: ClaimCommand = (draft, { actor }) => {
  refuseUnless(mayPropose(actor, facts(draft)));
  const problems = proposalProblems(
    draft.data.verdict ?? draft.seen.verdict,
    draft.data.rationale !== undefined ? draft.data.rationale : draft.seen.rationale,
    draft.seen._count.sources,
  );
  if (Object.keys(problems).length > 0) {
    throw new DomainError("invalid", "This verdict cannot be proposed yet.", problems);
  }
  const proposed = withColumn(draft, "status", "awaiting_second_review");
  return {
    ...proposed,
    action: "proposed",
    data: { ...proposed.data, proposedById: actor.id, proposedAt: new Date() },
    after: { ...proposed.after, proposedBy: actor.name },
  };
};

/** The claim is filed under `topic`; the topic it already has is no change. */
export function setTopic(topic: string): ClaimCommand {
  return (draft, { actor }) => {
    refuseUnless(maySetTopic(actor));
    if (topic === draft.seen.topic) return draft;
    return { ...withColumn(draft, "topic", topic), action: "topic_changed" };
  };
}

/** The proposal is taken back: the claim is in progress again. */
export const withdraw: ClaimCommand = (draft, { actor }) => {
  refuseUnless(mayWithdraw(actor, facts(draft)));
  return { ...withColumn(draft, "status", "in_progress"), action: "withdrawn" };
};

/**
 * The status a PATCH asks for. The status seen is no move (it undoes the start an edit implies, so
 * `{ verdict, status: "unreviewed" }` edits an unreviewed claim and leaves it unreviewed); approval and
 * reopening have their own routes, and nothing goes back to unreviewed.
 */
function toStatus(target: NonNullable<ClaimPatch["status"]>): ClaimCommand {
  return (draft, context) => {
    if (target === draft.seen.status) return withColumn(draft, "status", target);
    switch (target) {
      case "verified":
        throw new DomainError("forbidden", "A verdict is approved by a second reviewer: POST /api/claims/:id/review.");
      case "unreviewed":
        throw new DomainError("invalid", "A claim cannot go back to unreviewed.", {
          status: ["Must be in_progress or awaiting_second_review."],
        });
      case "in_progress":
        return start(draft, context);
      case "awaiting_second_review":
        return propose(draft, context);
    }
  };
}

/**
 * The commands a PATCH means, in this order, each reading the claim as the ones before leave it: the
 * assignment (take, release or assign, by the assignee sent), the edit of verdict and rationale, then
 * the status (start, withdraw or propose). The history event is the last one's: `{ assigneeId, status:
 * "in_progress" }` is a start, `{ verdict, rationale, status: "awaiting_second_review" }` a proposal.
 */
export function patchCommands(patch: Omit<ClaimPatch, "version">, actor: CurrentUser): ClaimCommand[] {
  const { assigneeId, verdict, rationale, status } = patch;
  const assignment =
    assigneeId === undefined
      ? []
      : [assigneeId === actor.id ? take : assigneeId === null ? release : assign(assigneeId)];
  return [...assignment, edit({ verdict, rationale }), ...(status === undefined ? [] : [toStatus(status)])];
}

/** The fields a writer decides on, from the claim as the API shows it. */
function stateOf(record: ClaimRecord): ClaimState {
  return {
    id: record.id,
    status: record.status,
    verdict: record.verdict,
    rationale: record.rationale,
    version: record.version,
    assigneeId: record.assignee?.id ?? null,
    proposedById: record.proposedBy?.id ?? null,
    duplicateOfId: record.duplicateOf?.id ?? null,
    topic: record.topic,
    retractedAt: record.retractedAt,
    updatedAt: record.updatedAt,
    _count: { sources: record.sources.length },
  };
}

/**
 * Runs the commands, in order, as one change of the claim at the version the user saw, and answers
 * with the claim as it is then; a change that changes nothing writes nothing. No transaction: the
 * rules are checked against the claim as read, and the one-statement write applies only if its
 * version is still the one read, so a change in between is a conflict. The claim is read whole, so the
 * answer is built from it and what was written (no second read).
 */
export async function changeClaim(
  actor: CurrentUser,
  claimId: number,
  version: number,
  commands: readonly ClaimCommand[],
): Promise<ClaimRecord> {
  const client = db();
  const record = await getClaimRecord(claimId, client);
  if (!record) throw new DomainError("not_found", "No claim has this id.");
  const seen = stateOf(record);
  await assertVersion(client, seen, version);
  const context: CommandContext = { actor, client };
  const initial: ClaimChangeDraft = { seen, assignee: record.assignee, action: null, data: {}, before: {}, after: {} };
  const draft = await commands.reduce(
    async (previous, command) => command(await previous, context),
    Promise.resolve(initial),
  );
  const { action, data, before, after } = draft;
  if (action === null || Object.keys(after).length === 0) return record;

  const written = await commitClaimChange(client, { claimId, version, actor, action, data, before, after });
  const by = { id: actor.id, name: actor.name };
  return {
    ...record,
    status: data.status ?? record.status,
    verdict: data.verdict ?? record.verdict,
    rationale: data.rationale !== undefined ? data.rationale : record.rationale,
    assignee: draft.assignee,
    proposedBy: data.proposedById ? by : record.proposedBy,
    proposedAt: data.proposedAt ?? record.proposedAt,
    version: written.version,
    updatedAt: written.updatedAt,
    events: [...record.events, { ...written.event, actor: by }],
  };
}
