/**
 * Who may do what, checked cell by cell against tables written here by hand: every role, every
 * relation of the user to the claim, every claim status, every action. The tables are the spec (the
 * README's "Who may do what" and "The review workflow"): a change to a rule, or to the reason a
 * refusal gives, fails here until the table says the same. The routes and actions that apply these
 * rules are checked by tests/integration/authorization-matrix.test.ts.
 */
import { describe, expect, it } from "vitest";
import { mayImportArticle } from "@/domains/articles/rules";
import {
  type ClaimFacts,
  mayApprove,
  mayAssign,
  mayCreateClaim,
  mayEditVerdict,
  mayMarkDuplicate,
  mayPropose,
  mayRelease,
  mayBulkEdit,
  mayReopen,
  mayRetract,
  maySendBack,
  maySetTopic,
  mayStart,
  mayStartFromDuplicate,
  mayTake,
  mayWithdraw,
  OPEN_STATUSES,
  startTakesClaim,
  proposalProblems,
  duplicateOffers,
  verdictWriterIds,
  workflowOffers,
} from "@/domains/claims/rules";
import { mayAddSource, mayEditSource, mayRemoveSource } from "@/domains/sources/rules";
import { mayDismissSuggestion, mayWorkOnSuggestions } from "@/domains/suggestions/rules";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/domains/users/rules";
import { mayChangeRole, mayCreateUser, mayManageUsers, maySetActive, maySetPassword } from "@/domains/users/rules";
import type { Decision } from "@/lib/permission";

const ME = "user-me";
const COLLEAGUE = "user-colleague";

const ROLES: Role[] = ["reviewer", "editor", "admin"];
const STATUSES = ["unreviewed", "in_progress", "awaiting_second_review", "verified"] as const;
type Status = (typeof STATUSES)[number];

/**
 * How the user stands to the claim, in the order of each table row's columns. "Wrote" means they
 * wrote part of the verdict or rationale now under review; the colleague wrote the rest.
 */
const RELATIONS: { name: string; assigneeId: string | null; proposedById: string; writers: string[] }[] = [
  { name: "none, claim unassigned", assigneeId: null, proposedById: COLLEAGUE, writers: [COLLEAGUE] },
  { name: "none, claim assigned to a colleague", assigneeId: COLLEAGUE, proposedById: COLLEAGUE, writers: [COLLEAGUE] },
  { name: "assignee", assigneeId: ME, proposedById: COLLEAGUE, writers: [COLLEAGUE] },
  { name: "proposer", assigneeId: COLLEAGUE, proposedById: ME, writers: [COLLEAGUE] },
  { name: "wrote", assigneeId: COLLEAGUE, proposedById: COLLEAGUE, writers: [COLLEAGUE, ME] },
  { name: "assignee + proposer", assigneeId: ME, proposedById: ME, writers: [COLLEAGUE] },
  { name: "assignee + wrote", assigneeId: ME, proposedById: COLLEAGUE, writers: [ME] },
  { name: "assignee + proposer + wrote", assigneeId: ME, proposedById: ME, writers: [ME] },
];

type ClaimRule = (actor: Actor, claim: ClaimFacts) => Decision;

/** A source a colleague's colleague added, whom only they, the assignee or an editor may change. */
const OTHERS_SOURCE = { id: 12, addedBy: { id: "user-ana", name: "Ana" } };
const MY_SOURCE = { id: 13, addedBy: { id: ME, name: "Me" } };

/**
 * One table per action. Each status has one line: three groups (reviewer, editor, admin) of one
 * letter per relation, in RELATIONS' order. "Y" is allowed; any other letter is refused with the
 * reason its legend gives, word for word as the user reads it.
 */
interface ActionTable {
  rule: ClaimRule;
  reasons: Record<string, string>;
  expected: Record<Status, string>;
}

const RETRACTED_AT = new Date("2026-12-01T10:00:00Z");
const RETRACTION_IS_FINAL =
  "This fact-check was retracted: a retraction is final, so it is not reopened or retracted again.";
const ONLY_EDITORS_RETRACT = "Only editors and admins can retract a published fact-check.";
const VERIFIED_REOPEN = "A verified claim is reopened by an editor, with a reason: POST /api/claims/:id/reopen.";
const WITHDRAW_BY = "Only the proposer or an editor can withdraw a proposed verdict; reviewers send it back.";
const NOT_AWAITING = "Only a claim awaiting second review can be approved or sent back.";
const PROPOSED_IT = "You proposed this verdict: another reviewer or an editor must review it.";
const WROTE_IT =
  "You wrote part of this verdict or its rationale: someone who did not must approve it. You can still send it back.";
const SOURCES_AWAITING = "This verdict is awaiting a second review: send it back before changing its sources.";
const SOURCES_VERIFIED = "This claim is verified: an editor must reopen it before its sources can change.";
const OTHERS_SOURCE_REFUSED =
  "Source #12 was added by Ana: only they, the claim's assignee or an editor can change or remove it.";

const CLAIM_ACTIONS: Record<string, ActionTable> = {
  take: {
    rule: mayTake,
    reasons: { t: "Reviewers can take an unassigned claim or release their own; editors assign claims." },
    expected: {
      //                      reviewer  editor    admin
      unreviewed: /*       */ "YtYttYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YtYttYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "YtYttYYY YYYYYYYY YYYYYYYY",
      verified: /*         */ "YtYttYYY YYYYYYYY YYYYYYYY",
    },
  },
  release: {
    rule: mayRelease,
    reasons: { t: "Reviewers can take an unassigned claim or release their own; editors assign claims." },
    expected: {
      unreviewed: /*       */ "YtYttYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YtYttYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "YtYttYYY YYYYYYYY YYYYYYYY",
      verified: /*         */ "YtYttYYY YYYYYYYY YYYYYYYY",
    },
  },
  "assign to anyone": {
    rule: (actor, claim) => mayAssign(actor, claim),
    reasons: { t: "Reviewers can take an unassigned claim or release their own; editors assign claims." },
    expected: {
      unreviewed: /*       */ "tttttttt YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "tttttttt YYYYYYYY YYYYYYYY",
      awaiting_second_review: "tttttttt YYYYYYYY YYYYYYYY",
      verified: /*         */ "tttttttt YYYYYYYY YYYYYYYY",
    },
  },
  "assign to a third person": {
    rule: (actor, claim) => mayAssign(actor, claim, "user-third"),
    reasons: { t: "Reviewers can take an unassigned claim or release their own; editors assign claims." },
    expected: {
      unreviewed: /*       */ "tttttttt YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "tttttttt YYYYYYYY YYYYYYYY",
      awaiting_second_review: "tttttttt YYYYYYYY YYYYYYYY",
      verified: /*         */ "tttttttt YYYYYYYY YYYYYYYY",
    },
  },
  "assign to the colleague (as assigned already, or not)": {
    rule: (actor, claim) => mayAssign(actor, claim, COLLEAGUE),
    reasons: { t: "Reviewers can take an unassigned claim or release their own; editors assign claims." },
    expected: {
      unreviewed: /*       */ "tYtYYttt YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "tYtYYttt YYYYYYYY YYYYYYYY",
      awaiting_second_review: "tYtYYttt YYYYYYYY YYYYYYYY",
      verified: /*         */ "tYtYYttt YYYYYYYY YYYYYYYY",
    },
  },
  start: {
    rule: mayStart,
    reasons: {
      o: "This claim is assigned to someone else: only they or an editor can work on it.",
      w: WITHDRAW_BY,
      v: VERIFIED_REOPEN,
    },
    expected: {
      unreviewed: /*       */ "YoYooYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "wwwYwYwY YYYYYYYY YYYYYYYY",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "edit the verdict": {
    rule: mayEditVerdict,
    reasons: {
      t: "Take the claim before you edit its verdict.",
      o: "This claim is assigned to someone else: only they or an editor can edit its verdict.",
      s: "This verdict is awaiting a second review: it must be sent back before it changes.",
      v: "This claim is verified: an editor must reopen it before its verdict can change.",
    },
    expected: {
      unreviewed: /*       */ "toYooYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "toYooYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  propose: {
    rule: mayPropose,
    reasons: {
      t: "Take the claim before you propose its verdict.",
      o: "This claim is assigned to someone else: only they or an editor can propose its verdict.",
      u: "Only a claim in progress can be proposed for review; this one is unreviewed.",
      s: "Only a claim in progress can be proposed for review; this one is awaiting second review.",
      v: "Only a claim in progress can be proposed for review; this one is verified.",
    },
    expected: {
      unreviewed: /*       */ "uuuuuuuu uuuuuuuu uuuuuuuu",
      in_progress: /*      */ "toYooYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  withdraw: {
    rule: mayWithdraw,
    reasons: {
      u: "Only a proposed verdict can be withdrawn; this claim is unreviewed.",
      i: "Only a proposed verdict can be withdrawn; this claim is in progress.",
      w: WITHDRAW_BY,
      v: VERIFIED_REOPEN,
    },
    expected: {
      unreviewed: /*       */ "uuuuuuuu uuuuuuuu uuuuuuuu",
      in_progress: /*      */ "iiiiiiii iiiiiiii iiiiiiii",
      awaiting_second_review: "wwwYwYwY YYYYYYYY YYYYYYYY",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "send back": {
    rule: maySendBack,
    reasons: { n: NOT_AWAITING, p: PROPOSED_IT },
    expected: {
      unreviewed: /*       */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      in_progress: /*      */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      awaiting_second_review: "YYYpYpYp YYYpYpYp YYYpYpYp",
      verified: /*         */ "nnnnnnnn nnnnnnnn nnnnnnnn",
    },
  },
  approve: {
    rule: mayApprove,
    reasons: { n: NOT_AWAITING, p: PROPOSED_IT, r: WROTE_IT },
    expected: {
      unreviewed: /*       */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      in_progress: /*      */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      awaiting_second_review: "YYYprprp YYYprprp YYYprprp",
      verified: /*         */ "nnnnnnnn nnnnnnnn nnnnnnnn",
    },
  },
  "approve, who wrote the verdict not known": {
    rule: (actor, { verdictWriterIds: _unknown, ...claim }) => mayApprove(actor, claim),
    reasons: { n: NOT_AWAITING, p: PROPOSED_IT },
    expected: {
      unreviewed: /*       */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      in_progress: /*      */ "nnnnnnnn nnnnnnnn nnnnnnnn",
      awaiting_second_review: "YYYpYpYp YYYpYpYp YYYpYpYp",
      verified: /*         */ "nnnnnnnn nnnnnnnn nnnnnnnn",
    },
  },
  reopen: {
    rule: mayReopen,
    reasons: { e: "Only editors can reopen a verified claim.", x: "Only a verified claim can be reopened." },
    expected: {
      unreviewed: /*       */ "eeeeeeee xxxxxxxx xxxxxxxx",
      in_progress: /*      */ "eeeeeeee xxxxxxxx xxxxxxxx",
      awaiting_second_review: "eeeeeeee xxxxxxxx xxxxxxxx",
      verified: /*         */ "eeeeeeee YYYYYYYY YYYYYYYY",
    },
  },
  "reopen a retracted fact-check": {
    rule: (actor, claim) => mayReopen(actor, { ...claim, retractedAt: RETRACTED_AT }),
    reasons: { e: "Only editors can reopen a verified claim.", f: RETRACTION_IS_FINAL },
    expected: {
      unreviewed: /*       */ "eeeeeeee ffffffff ffffffff",
      in_progress: /*      */ "eeeeeeee ffffffff ffffffff",
      awaiting_second_review: "eeeeeeee ffffffff ffffffff",
      verified: /*         */ "eeeeeeee ffffffff ffffffff",
    },
  },
  retract: {
    rule: mayRetract,
    reasons: { e: ONLY_EDITORS_RETRACT, x: "Only a verified, published fact-check can be retracted." },
    expected: {
      unreviewed: /*       */ "eeeeeeee xxxxxxxx xxxxxxxx",
      in_progress: /*      */ "eeeeeeee xxxxxxxx xxxxxxxx",
      awaiting_second_review: "eeeeeeee xxxxxxxx xxxxxxxx",
      verified: /*         */ "eeeeeeee YYYYYYYY YYYYYYYY",
    },
  },
  "retract a retracted fact-check again": {
    rule: (actor, claim) => mayRetract(actor, { ...claim, retractedAt: RETRACTED_AT }),
    reasons: { e: ONLY_EDITORS_RETRACT, f: RETRACTION_IS_FINAL },
    expected: {
      unreviewed: /*       */ "eeeeeeee ffffffff ffffffff",
      in_progress: /*      */ "eeeeeeee ffffffff ffffffff",
      awaiting_second_review: "eeeeeeee ffffffff ffffffff",
      verified: /*         */ "eeeeeeee ffffffff ffffffff",
    },
  },
  "mark as a duplicate": {
    rule: mayMarkDuplicate,
    reasons: {
      t: "Take the claim before you mark it as a duplicate.",
      o: "This claim is assigned to someone else: only they or an editor can mark it as a duplicate.",
      c: "Only an unreviewed or in-progress claim can be marked as a duplicate.",
    },
    expected: {
      unreviewed: /*       */ "toYooYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "toYooYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "cccccccc cccccccc cccccccc",
      verified: /*         */ "cccccccc cccccccc cccccccc",
    },
  },
  "start from a verified duplicate": {
    rule: (actor, claim) => mayStartFromDuplicate(actor, claim, { id: 7, status: "verified" }),
    reasons: {
      t: "Take the claim before you start from the earlier verdict.",
      o: "This claim is assigned to someone else: only they or an editor can start from the earlier verdict.",
      f: "Start work on the claim first.",
    },
    expected: {
      unreviewed: /*       */ "ffffffff ffffffff ffffffff",
      in_progress: /*      */ "toYooYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ffffffff ffffffff ffffffff",
      verified: /*         */ "ffffffff ffffffff ffffffff",
    },
  },
  "start from a duplicate reopened since": {
    rule: (actor, claim) => mayStartFromDuplicate(actor, claim, { id: 7, status: "in_progress" }),
    reasons: {
      t: "Take the claim before you start from the earlier verdict.",
      o: "This claim is assigned to someone else: only they or an editor can start from the earlier verdict.",
      f: "Start work on the claim first.",
      r: "Claim #7 is no longer verified (it was reopened for a correction): its verdict and sources can be taken once it is verified again.",
    },
    expected: {
      unreviewed: /*       */ "ffffffff ffffffff ffffffff",
      in_progress: /*      */ "toroorrr rrrrrrrr rrrrrrrr",
      awaiting_second_review: "ffffffff ffffffff ffffffff",
      verified: /*         */ "ffffffff ffffffff ffffffff",
    },
  },
  "add a source": {
    rule: mayAddSource,
    reasons: { s: SOURCES_AWAITING, v: SOURCES_VERIFIED },
    expected: {
      unreviewed: /*       */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "edit a source one added": {
    rule: (actor, claim) => mayEditSource(actor, claim, MY_SOURCE),
    reasons: { s: SOURCES_AWAITING, v: SOURCES_VERIFIED },
    expected: {
      unreviewed: /*       */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "edit a source someone else added": {
    rule: (actor, claim) => mayEditSource(actor, claim, OTHERS_SOURCE),
    reasons: { a: OTHERS_SOURCE_REFUSED, s: SOURCES_AWAITING, v: SOURCES_VERIFIED },
    expected: {
      unreviewed: /*       */ "aaYaaYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "aaYaaYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "remove a source one added": {
    rule: (actor, claim) => mayRemoveSource(actor, claim, MY_SOURCE),
    reasons: { s: SOURCES_AWAITING, v: SOURCES_VERIFIED },
    expected: {
      unreviewed: /*       */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "YYYYYYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
  "remove a source someone else added": {
    rule: (actor, claim) => mayRemoveSource(actor, claim, OTHERS_SOURCE),
    reasons: { a: OTHERS_SOURCE_REFUSED, s: SOURCES_AWAITING, v: SOURCES_VERIFIED },
    expected: {
      unreviewed: /*       */ "aaYaaYYY YYYYYYYY YYYYYYYY",
      in_progress: /*      */ "aaYaaYYY YYYYYYYY YYYYYYYY",
      awaiting_second_review: "ssssssss ssssssss ssssssss",
      verified: /*         */ "vvvvvvvv vvvvvvvv vvvvvvvv",
    },
  },
};

/** What a decision reads as in the tables: "Y", or the reason the user is given. */
function answer(decision: Decision): string {
  return decision.allowed ? "Y" : decision.reason;
}

/** Each cell of an action's table where the rule answers otherwise, named so the failure says which. */
function claimTableMismatches({ rule, reasons, expected }: ActionTable): string[] {
  const mismatches: string[] = [];
  for (const status of STATUSES) {
    const groups = expected[status].split(" ");
    expect(groups.map((group) => group.length)).toEqual(ROLES.map(() => RELATIONS.length));
    ROLES.forEach((role, roleIndex) => {
      RELATIONS.forEach((relation, relationIndex) => {
        const letter = groups[roleIndex]![relationIndex]!;
        const wanted = letter === "Y" ? "Y" : reasons[letter];
        if (wanted === undefined) throw new Error(`The table uses "${letter}", which its legend does not explain.`);
        const claim: ClaimFacts = {
          status,
          assigneeId: relation.assigneeId,
          proposedById: relation.proposedById,
          verdictWriterIds: relation.writers,
        };
        const got = answer(rule({ id: ME, role }, claim));
        if (got !== wanted) mismatches.push(`${status}, ${role}, ${relation.name}: expected "${wanted}", got "${got}"`);
      });
    });
  }
  return mismatches;
}

describe("claim and source rules, by role, relation to the claim and status", () => {
  it.each(Object.entries(CLAIM_ACTIONS))("%s", (_action, table) => {
    expect(claimTableMismatches(table)).toEqual([]);
  });

  it("every reason in a legend is given somewhere, so no legend line is left over from an old rule", () => {
    for (const [action, { reasons, expected }] of Object.entries(CLAIM_ACTIONS)) {
      const used = new Set(Object.values(expected).join(""));
      for (const letter of Object.keys(reasons)) expect(used.has(letter), `${action}: ${letter}`).toBe(true);
    }
  });
});

describe("starting work", () => {
  it("takes an unassigned claim for a reviewer, and leaves it unassigned for an editor or admin", () => {
    const takes = (role: Role, assigneeId: string | null) =>
      startTakesClaim({ id: ME, role }, { status: "unreviewed", assigneeId, proposedById: null });
    expect(ROLES.map((role) => [takes(role, null), takes(role, ME), takes(role, COLLEAGUE)])).toEqual([
      [true, false, false],
      [false, false, false],
      [false, false, false],
    ]);
  });
});

describe("rules that depend only on the role", () => {
  const me = (role: Role): Actor => ({ id: ME, role });
  const other = { id: COLLEAGUE };
  const ONLY_ADMINS = (task: string) => `Only admins can ${task}.`;
  const OWN_ROLE = "You cannot change your own role: ask another admin, so that the desk always keeps an admin.";
  const OWN_ACCOUNT =
    "You cannot deactivate your own account: ask another admin, so that the desk always keeps an admin.";

  /** Each rule's answer for reviewer, editor and admin, in that order. */
  const TABLE: [string, (actor: Actor) => Decision, [string, string, string]][] = [
    ["create a claim from a span", mayCreateClaim, ["Only editors and admins add claims to an article.", "Y", "Y"]],
    [
      "reopen claims at all (asked before the claim is read)",
      (actor) => mayReopen(actor),
      ["Only editors can reopen a verified claim.", "Y", "Y"],
    ],
    [
      "retract fact-checks at all (asked before the claim is read)",
      (actor) => mayRetract(actor),
      ["Only editors and admins can retract a published fact-check.", "Y", "Y"],
    ],
    ["change a claim's topic", maySetTopic, ["Only editors and admins change a claim's topic.", "Y", "Y"]],
    ["change claims in bulk", mayBulkEdit, ["Only editors and admins change claims in bulk.", "Y", "Y"]],
    ["import an article", mayImportArticle, ["Only editors and above can add articles.", "Y", "Y"]],
    ["dismiss a suggestion", mayDismissSuggestion, ["Only editors and admins dismiss suggestions.", "Y", "Y"]],
    ["work on suggestions", mayWorkOnSuggestions, ["Only editors and admins dismiss suggestions.", "Y", "Y"]],
    [
      "manage users (the Users page and its link)",
      (actor) => mayManageUsers(actor, "manage users"),
      [ONLY_ADMINS("manage users"), ONLY_ADMINS("manage users"), "Y"],
    ],
    ["create a user", mayCreateUser, [ONLY_ADMINS("create users"), ONLY_ADMINS("create users"), "Y"]],
    ["set a password", maySetPassword, [ONLY_ADMINS("set passwords"), ONLY_ADMINS("set passwords"), "Y"]],
    [
      "make someone else a reviewer",
      (actor) => mayChangeRole(actor, other, "reviewer"),
      [ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles"), "Y"],
    ],
    [
      "make oneself a reviewer",
      (actor) => mayChangeRole(actor, { id: ME }, "reviewer"),
      [ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles"), OWN_ROLE],
    ],
    [
      "make oneself an editor",
      (actor) => mayChangeRole(actor, { id: ME }, "editor"),
      [ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles"), OWN_ROLE],
    ],
    [
      "keep oneself an admin",
      (actor) => mayChangeRole(actor, { id: ME }, "admin"),
      [ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles"), "Y"],
    ],
    [
      "deactivate someone else",
      (actor) => maySetActive(actor, other, false),
      [ONLY_ADMINS("deactivate or reactivate users"), ONLY_ADMINS("deactivate or reactivate users"), "Y"],
    ],
    [
      "deactivate oneself",
      (actor) => maySetActive(actor, { id: ME }, false),
      [ONLY_ADMINS("deactivate or reactivate users"), ONLY_ADMINS("deactivate or reactivate users"), OWN_ACCOUNT],
    ],
    [
      "reactivate oneself",
      (actor) => maySetActive(actor, { id: ME }, true),
      [ONLY_ADMINS("deactivate or reactivate users"), ONLY_ADMINS("deactivate or reactivate users"), "Y"],
    ],
    [
      "manage users from a deactivated account",
      (actor) => mayManageUsers({ ...actor, active: false }, "change roles"),
      [ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles"), ONLY_ADMINS("change roles")],
    ],
  ];

  it.each(TABLE)("%s", (_action, rule, expected) => {
    expect(ROLES.map((role) => answer(rule(me(role))))).toEqual(expected);
  });
});

describe("what a verdict needs before it is proposed", () => {
  it("names each missing part by its field", () => {
    expect(proposalProblems("unrated", "too short", 0)).toEqual({
      verdict: ["Choose a verdict before proposing it."],
      rationale: ["Explain the verdict (at least 20 characters)."],
      sources: ["Attach at least one source first."],
    });
    expect(proposalProblems("false", "   only nineteen chars   ", 1)).toEqual({
      rationale: ["Explain the verdict (at least 20 characters)."],
    });
    expect(proposalProblems("false", null, 2)).toEqual({
      rationale: ["Explain the verdict (at least 20 characters)."],
    });
  });

  it("asks nothing more of a complete verdict, nor a source of 'not a claim'", () => {
    expect(proposalProblems("mostly_true", "Twenty characters ok.", 1)).toEqual({});
    expect(proposalProblems("not_a_claim", "An opinion, not a checkable fact.", 0)).toEqual({});
  });

  it("a claim is open to work while unreviewed or in progress", () => {
    expect([...OPEN_STATUSES].sort()).toEqual(["in_progress", "unreviewed"]);
  });
});

describe("who wrote the verdict under review, read from the history as the server reads it", () => {
  const event = (id: number, action: string, actorId: string | null, after: unknown) => ({
    id,
    action,
    after,
    actor: actorId === null ? null : { id: actorId },
  });

  it("counts edits of the verdict or rationale since the last reopening, not approvals, assignments or sources", () => {
    const history = [
      event(1, "created", "user-editor", { statement: "…" }),
      event(2, "edited", "user-old", { verdict: "false" }),
      event(3, "approved", "user-approver", { status: "verified", verdict: "false" }),
      event(4, "reopened", "user-editor", { status: "in_progress", reason: "New data" }),
      event(5, "assigned", "user-editor", { assigneeId: ME }),
      event(6, "edited", ME, { rationale: "Recounted from the 2024 appeal." }),
      event(7, "source_added", "user-sourcer", { url: "https://example.org" }),
      event(8, "proposed", "user-proposer", { status: "awaiting_second_review", verdict: "true" }),
      event(9, "sent_back", "user-reviewer", { status: "in_progress", comment: "Check the date" }),
      event(10, "edited", null, { verdict: "mixed" }),
      event(11, "edited", ME, { verdict: "mostly_true" }),
      event(12, "correction_approved", "user-approver", { status: "verified", verdict: "mostly_true" }),
    ];
    expect(verdictWriterIds(history)).toEqual([ME, "user-proposer"]);
  });

  it("counts every writer when the claim was never reopened, and nobody on a fresh claim", () => {
    expect(
      verdictWriterIds([event(1, "created", "user-editor", {}), event(2, "started", ME, { verdict: "true" })]),
    ).toEqual([ME]);
    expect(verdictWriterIds([event(1, "created", "user-editor", {})])).toEqual([]);
  });
});

describe("what the claim page offers, as it did before the rules moved (Approve aside)", () => {
  type Offer = ReturnType<typeof workflowOffers>;
  /**
   * The page's own conditions before it asked the rules, copied from the panels as they were, so a
   * change to the rules that changes what a user sees fails here. Two differences are intended: Approve
   * is no longer offered to someone who wrote part of the verdict (the server refused it already), and
   * an unassigned, unreviewed claim is begun with one action, "Take and start", instead of taking it
   * and starting it in two.
   */
  function offeredBefore(role: Role, relation: (typeof RELATIONS)[number], status: Status) {
    const isEditor = role !== "reviewer";
    const isAssignee = relation.assigneeId === ME;
    const canWork = isEditor || isAssignee;
    const proposerIsViewer = relation.proposedById === ME;
    const takeAndStart = status === "unreviewed" && !relation.assigneeId;
    return {
      takeAndStart,
      take: !takeAndStart && !relation.assigneeId && status !== "verified",
      release: isAssignee && !isEditor,
      assign: isEditor,
      start: !takeAndStart && status === "unreviewed" && canWork,
      draft: status === "in_progress" && canWork,
      workedOnByOthers: status === "in_progress" && !canWork,
      review:
        status === "awaiting_second_review"
          ? {
              proposedByViewer: proposerIsViewer,
              sendBack: !proposerIsViewer,
              approve: !proposerIsViewer && !relation.writers.includes(ME),
              withdraw: proposerIsViewer || isEditor,
            }
          : null,
      reopen: status === "verified" && isEditor,
      markDuplicate: canWork && (status === "unreviewed" || status === "in_progress"),
      takeFromVerifiedOriginal:
        canWork && status === "in_progress"
          ? "offered"
          : canWork && status === "unreviewed"
            ? "start_work_first"
            : "none",
      takeFromReopenedOriginal:
        canWork && status === "in_progress"
          ? "original_reopened"
          : canWork && status === "unreviewed"
            ? "start_work_first"
            : "none",
    };
  }

  function offeredNow(role: Role, relation: (typeof RELATIONS)[number], status: Status) {
    const claim: ClaimFacts = {
      status,
      assigneeId: relation.assigneeId,
      proposedById: relation.proposedById,
      verdictWriterIds: relation.writers,
    };
    const actor = { id: ME, role };
    const { review, ...rest }: Offer = workflowOffers(actor, claim);
    return {
      ...rest,
      review: review && {
        proposedByViewer: review.proposedByViewer,
        sendBack: review.sendBack.allowed,
        approve: review.approve.allowed,
        withdraw: review.withdraw.allowed,
      },
      markDuplicate: duplicateOffers(actor, claim, { id: 7, status: "verified" }).mark,
      takeFromVerifiedOriginal: duplicateOffers(actor, claim, { id: 7, status: "verified" }).takeFromOriginal,
      takeFromReopenedOriginal: duplicateOffers(actor, claim, { id: 7, status: "in_progress" }).takeFromOriginal,
    };
  }

  it.each(ROLES.flatMap((role) => STATUSES.map((status) => [role, status] as const)))("%s, %s", (role, status) => {
    for (const relation of RELATIONS) {
      expect(offeredNow(role, relation, status), relation.name).toEqual(offeredBefore(role, relation, status));
    }
  });

  it("offers nothing about an original when the claim is not marked as a duplicate", () => {
    const claim: ClaimFacts = { status: "in_progress", assigneeId: ME, proposedById: null };
    expect(duplicateOffers({ id: ME, role: "reviewer" }, claim, null)).toEqual({
      mark: true,
      takeFromOriginal: "none",
    });
  });

  it("offers nothing to take from a retracted original, and says so", () => {
    const claim: ClaimFacts = { status: "in_progress", assigneeId: ME, proposedById: null };
    const original = { id: 7, status: "verified", retractedAt: RETRACTED_AT } as const;
    expect(duplicateOffers({ id: ME, role: "reviewer" }, claim, original).takeFromOriginal).toBe("original_retracted");
    expect(mayStartFromDuplicate({ id: ME, role: "editor" }, claim, original)).toEqual({
      allowed: false,
      reason: "Claim #7 was retracted: its verdict and sources are no longer anyone's starting point.",
    });
  });

  it("says why Approve is not offered to someone who wrote part of the verdict", () => {
    const claim: ClaimFacts = {
      status: "awaiting_second_review",
      assigneeId: COLLEAGUE,
      proposedById: COLLEAGUE,
      verdictWriterIds: [COLLEAGUE, ME],
    };
    expect(workflowOffers({ id: ME, role: "editor" }, claim).review?.approve).toEqual({
      allowed: false,
      reason: WROTE_IT,
    });
  });
});
