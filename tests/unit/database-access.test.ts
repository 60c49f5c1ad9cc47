/**
 * Only data modules touch the database (docs/ARCHITECTURE.md): in a domain, `data.ts` / `*-data.ts`
 * read, `mutations.ts` / `*-mutations.ts` write, a `*-store.ts` keeps a small table of its own (the
 * sign-in throttle), and the claims domain's `change.ts` and `commands.ts` are the claim's writers.
 * Pages, route handlers, components, rules, schemas, actions and the suggestion engine never do, so
 * each can be read, tested or moved without a database in mind.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const DATA_MODULE = /(^|-)(data|mutations|store)\.ts$|^domains\/claims\/(change|commands)\.ts$/;

/** The few files outside that naming that must reach the database, each for its reason. */
const ALLOWED: Record<string, string> = {
  "lib/db.ts": "the client itself (one per process) and the health check's statement",
  "lib/raw-rows.ts": "checks the rows a raw query returned; it names $queryRaw in its documentation only",
  "domains/users/auth.ts": "hands the client to Better Auth's Prisma adapter",
};

/** A use of the client: the accessor, or a raw statement or transaction on some client. */
const DATABASE_USE = /\bdb\(\)|\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe|transaction)\b/;

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(directory, file).split(path.sep).join("/"))
    .filter((file) => /\.tsx?$/.test(file) && !file.startsWith("lib/generated/"));
}

/** `file:line` of each database use outside the data modules and the allowed files. */
function databaseUsesOutsideDataModules(files: Map<string, string>): string[] {
  return [...files].flatMap(([file, text]) => {
    if (DATA_MODULE.test(path.basename(file)) || DATA_MODULE.test(file) || file in ALLOWED) return [];
    return text
      .split("\n")
      .flatMap((line, index) => (DATABASE_USE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
  });
}

describe("only data modules touch the database", () => {
  const files = new Map(
    ["app", "components", "domains", "lib"]
      .flatMap(sourceFiles)
      .map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")] as const),
  );

  it("no page, route, component, rule, schema or action uses the database client", () => {
    expect(files.size).toBeGreaterThan(100);
    expect(databaseUsesOutsideDataModules(files)).toEqual([]);
  });

  it("every allowed exception still exists and still uses the database", () => {
    for (const file of Object.keys(ALLOWED)) {
      expect(files.get(file), file).toMatch(DATABASE_USE);
    }
  });

  it("would name a page that queries, and not a data module", () => {
    const found = databaseUsesOutsideDataModules(
      new Map([
        ["app/claims/page.tsx", 'import { db } from "@/lib/db";\nconst rows = await db().claim.findMany();'],
        ["domains/claims/rules.ts", "await tx.$queryRaw`SELECT 1`;"],
        ["domains/claims/queue-data.ts", "return db().claim.findMany();"],
        ["domains/users/sign-in-throttle-store.ts", "await db().signInFailure.create({ data });"],
      ]),
    );
    expect(found).toEqual([
      "app/claims/page.tsx:2: const rows = await db().claim.findMany();",
      "domains/claims/rules.ts:1: await tx.$queryRaw`SELECT 1`;",
    ]);
  });
});
