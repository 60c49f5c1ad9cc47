/**
 * Who may do what is decided in one place: each domain's `rules.ts` (and `domains/users/roles.ts`,
 * which ranks the roles). Everywhere else asks those rules, so this fails, with file:line, when a file
 * of app/, components/, domains/ or lib/ compares a role itself, or when a page or component compares
 * a claim's status (which is how the claim page used to restate the rules). Domain code may still
 * read statuses (queries filter on them, writes set them); only roles are the rules' alone there.
 *
 * A test rather than an ESLint rule: the role and status names come from the Prisma enums, so a new
 * status is covered without editing it; the few display-only exceptions are one commented list here,
 * where a reviewer sees them, not disable comments scattered over the code; and each exception must
 * still match, so a stale one fails too. Files are read with TypeScript's parser, as layers.test.ts does.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ReviewStatus, Role } from "@/lib/generated/prisma/enums";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCANNED = ["app", "components", "domains", "lib"];
/** Where a status may not decide anything: what the user is shown. */
const UI = ["app", "components"];
const GENERATED = path.join("lib", "generated");

const ROLE_NAMES = new Set<string>(Object.values(Role));
const STATUS_NAMES = new Set<string>(Object.values(ReviewStatus));

/** The files that decide: every domain's rules, and the ranking of roles the rules use. */
function decidesPermissions(file: string): boolean {
  const parts = file.split(path.sep);
  return (
    (parts.length === 3 && parts[0] === "domains" && parts[2] === "rules.ts") ||
    file === path.join("domains", "users", "roles.ts")
  );
}

/**
 * Status comparisons that only choose what to display, by file and the comparison's text. Keep it
 * short: anything that decides what a user may do belongs in a rules.ts.
 */
const DISPLAY_ONLY: { file: string; text: string; why: string }[] = [
  {
    file: path.join("app", "(desk)", "articles", "[id]", "page.tsx"),
    text: 'claim.status === "verified"',
    why: "counts the article's verified claims for its header",
  },
];

interface Finding {
  file: string;
  line: number;
  text: string;
  what: string;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

function literalIn(node: ts.Node, names: Set<string>): boolean {
  return (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.has(node.text);
}

/** `role`, `user.role`, `viewer?.role`: the value compared is a role. */
function namesRole(node: ts.Node): boolean {
  if (ts.isIdentifier(node)) return node.text === "role";
  if (ts.isPropertyAccessExpression(node)) return node.name.text === "role";
  return false;
}

function isNullish(node: ts.Node): boolean {
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === "undefined");
}

/** What the named callee is: `hasRole(…)` or `roles.hasRole(…)`. */
function calleeName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

/** Every role comparison of a file, and in the UI every status comparison. */
function permissionChecksIn(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const inUi = UI.some((directory) => file.startsWith(`${directory}${path.sep}`));
  const findings: Finding[] = [];
  const report = (node: ts.Node, what: string) =>
    findings.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      text: node.getText(source),
      what,
    });

  function visit(node: ts.Node): void {
    if (ts.isCallExpression(node) && calleeName(node) === "hasRole") report(node, "ranks a role");
    if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
      const sides = [node.left, node.right];
      const comparesRole =
        sides.some((side) => literalIn(side, ROLE_NAMES)) || (sides.some(namesRole) && !sides.some(isNullish));
      if (comparesRole) report(node, "compares a role");
      else if (inUi && sides.some((side) => literalIn(side, STATUS_NAMES))) report(node, "compares a claim status");
    }
    if (ts.isCaseClause(node)) {
      if (literalIn(node.expression, ROLE_NAMES)) report(node.expression, "switches on a role");
      else if (inUi && literalIn(node.expression, STATUS_NAMES)) report(node.expression, "switches on a claim status");
    }
    ts.forEachChild(node, visit);
  }
  visit(source);
  return findings;
}

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(directory, file))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts") && !file.startsWith(`${GENERATED}${path.sep}`));
}

const files = SCANNED.flatMap(sourceFilesUnder).filter((file) => !decidesPermissions(file));
const findings = files.flatMap((file) => permissionChecksIn(file, readFileSync(path.join(ROOT, file), "utf8")));

function isDisplayOnly(finding: Finding): boolean {
  return DISPLAY_ONLY.some((allowed) => allowed.file === finding.file && allowed.text === finding.text);
}

describe("permission checks live in the rules", () => {
  it("reads the code it guards", () => {
    expect(files).toContain(path.join("app", "(desk)", "claims", "[id]", "page.tsx"));
    expect(files).toContain(path.join("domains", "users", "mutations.ts"));
    expect(files).not.toContain(path.join("domains", "claims", "rules.ts"));
  });

  it("finds the checks it forbids, and leaves alone what is not one", () => {
    const found = (file: string, text: string) =>
      permissionChecksIn(file, text).map((finding) => `${finding.line}: ${finding.what}`);
    const page = path.join("app", "claims", "x.tsx");
    expect(found(page, 'const a = viewer.role !== "reviewer";\nconst b = hasRole(user.role, "editor");')).toEqual([
      "1: compares a role",
      "2: ranks a role",
    ]);
    expect(found(page, 'if (role === other) {}\nswitch (x) { case "admin": break; }')).toEqual([
      "1: compares a role",
      "2: switches on a role",
    ]);
    expect(found(page, 'const open = claim.status === "in_progress";\nswitch (s) { case "verified": }')).toEqual([
      "1: compares a claim status",
      "2: switches on a claim status",
    ]);
    // A form's state, an HTML role attribute, a status in a query: not permission checks.
    expect(found(page, 'state.status === "error"; role !== null; where({ status: "verified" });')).toEqual([]);
    // Domain code reads statuses (it writes them); roles are still the rules' alone.
    expect(found(path.join("domains", "x", "m.ts"), 'if (claim.status === "verified") {}')).toEqual([]);
    expect(found(path.join("domains", "x", "m.ts"), 'if (actor.role !== "admin") {}')).toEqual(["1: compares a role"]);
  });

  it("no file outside a rules.ts compares roles, and no page or component compares claim statuses", () => {
    const offending = findings
      .filter((finding) => !isDisplayOnly(finding))
      .map((finding) => `${finding.file}:${finding.line} ${finding.what}: ${finding.text}`);
    expect(offending).toEqual([]);
  });

  it("every display-only exception still matches the code", () => {
    const unused = DISPLAY_ONLY.filter(
      (allowed) => !findings.some((finding) => finding.file === allowed.file && finding.text === allowed.text),
    );
    expect(unused).toEqual([]);
  });
});
