/**
 * The layers hold: `lib/` is generic and imports no domain (what needs the signed-in user lives in
 * domains/users, which hands lib its session lookup), and no file of lib/ or domains/ imports, directly
 * or through others, a file that imports it back. Imports are read with TypeScript's own preprocessor
 * and resolved with the project's tsconfig paths, as the compiler resolves them, so `@/domains/…` and
 * `../domains/…` are both caught; type-only imports count, since naming another layer's types depends
 * on it too.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Prisma's generated client (lib/generated, not in git) is its own business: its modules import each other. */
const GENERATED = path.join("lib", "generated");

const compilerOptions = ts.parseJsonConfigFileContent(
  ts.readConfigFile(path.join(ROOT, "tsconfig.json"), (file) => ts.sys.readFile(file)).config,
  ts.sys,
  ROOT,
).options;

interface Import {
  /** `file:line`, the file relative to the repository. */
  at: string;
  specifier: string;
  /** The imported file relative to the repository, or null for a package. */
  target: string | null;
}

function isUnder(directory: string, file: string | null): boolean {
  return file !== null && file.startsWith(`${directory}${path.sep}`);
}

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(directory, file))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts") && !isUnder(GENERATED, file));
}

/** The imports of a file (given relative to the repository) with this text, each resolved to a file. */
function importsOf(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: specifier, pos }) => {
    const resolved = ts.resolveModuleName(specifier, path.join(ROOT, file), compilerOptions, ts.sys).resolvedModule;
    const target =
      resolved && !resolved.isExternalLibraryImport ? path.relative(ROOT, resolved.resolvedFileName) : null;
    return { at: `${file}:${source.getLineAndCharacterOfPosition(pos).line + 1}`, specifier, target };
  });
}

/** Every import of a lib/ file that leads into domains/. */
function libImportsOfDomains(graph: Map<string, Import[]>): string[] {
  return [...graph.entries()]
    .filter(([file]) => isUnder("lib", file))
    .flatMap(([, imports]) => imports.filter((edge) => isUnder("domains", edge.target)))
    .map((edge) => `${edge.at} imports ${edge.specifier}`);
}

/** Every import cycle among the graph's files, each as the chain of imports that closes it. */
function importCycles(graph: Map<string, Import[]>): string[][] {
  const cycles: string[][] = [];
  const finished = new Set<string>();
  const visiting = new Set<string>();
  const chain: Import[] = [];
  function visit(file: string): void {
    if (finished.has(file)) return;
    visiting.add(file);
    for (const edge of graph.get(file) ?? []) {
      if (edge.target === null || !graph.has(edge.target)) continue;
      chain.push(edge);
      if (visiting.has(edge.target)) {
        const start = chain.findIndex((step) => step.at.startsWith(`${edge.target}:`));
        cycles.push(chain.slice(start).map((step) => `${step.at} imports ${step.specifier}`));
      } else {
        visit(edge.target);
      }
      chain.pop();
    }
    visiting.delete(file);
    finished.add(file);
  }
  for (const file of graph.keys()) visit(file);
  return cycles;
}

/**
 * The domains in the order they build on each other: a domain imports only domains before it (every
 * domain needs the signed-in user; sources change their claim through claims/change.ts; articles use
 * the web-address schema of sources; suggestions and publishing read articles and claims). Two at the
 * same rank import neither way.
 */
const DOMAIN_RANK: Record<string, number> = {
  users: 0,
  claims: 1,
  sources: 2,
  articles: 3,
  suggestions: 4,
  publishing: 4,
};

function domainOf(file: string | null): string | null {
  return isUnder("domains", file) ? file!.split(path.sep)[1]! : null;
}

/** Every import of one domain by another that is not before it in DOMAIN_RANK (or not ranked at all). */
function domainImportsAgainstOrder(graph: Map<string, Import[]>): string[] {
  return [...graph.entries()].flatMap(([file, imports]) => {
    const from = domainOf(file);
    if (from === null) return [];
    return imports
      .filter((edge) => {
        const to = domainOf(edge.target);
        if (to === null || to === from) return false;
        return !(to in DOMAIN_RANK && from in DOMAIN_RANK && DOMAIN_RANK[to]! < DOMAIN_RANK[from]!);
      })
      .map((edge) => `${edge.at} imports ${edge.specifier}`);
  });
}

const importsByFile = new Map(
  ["lib", "domains"]
    .flatMap(sourceFilesUnder)
    .map((file) => [file, importsOf(file, readFileSync(path.join(ROOT, file), "utf8"))] as const),
);

describe("layers: lib/ below domains/, domains in order, no import cycles", () => {
  it("lib/ imports nothing from domains/", () => {
    expect(importsByFile.size).toBeGreaterThan(50);
    expect(libImportsOfDomains(importsByFile)).toEqual([]);
  });

  it("no file of lib/ or domains/ imports a file that imports it back", () => {
    expect(importCycles(importsByFile)).toEqual([]);
  });

  it("a domain imports only the domains it builds on (DOMAIN_RANK), never back", () => {
    expect(domainImportsAgainstOrder(importsByFile)).toEqual([]);
  });

  it("would name a domain importing one ranked after it, or an unranked one", () => {
    const file = path.join("domains", "claims", "made-up.ts");
    const text = [
      'import { sourceSchema } from "@/domains/sources/schema";',
      'import type { CurrentUser } from "@/domains/users/roles";',
    ].join("\n");
    const unranked: Import = {
      at: `${file}:3`,
      specifier: "@/domains/comments/data",
      target: path.join("domains", "comments", "data.ts"),
    };
    expect(domainImportsAgainstOrder(new Map([[file, [...importsOf(file, text), unranked]]]))).toEqual([
      `${file}:1 imports @/domains/sources/schema`,
      `${file}:3 imports @/domains/comments/data`,
    ]);
  });

  it("would name each lib/ import into domains/, by alias or relative path, with its line", () => {
    const file = path.join("lib", "made-up.ts");
    const text = [
      'import { z } from "zod";',
      'import { db } from "@/lib/db";',
      'import type { CurrentUser } from "@/domains/users/roles";',
      'export { claimListQuerySchema } from "../domains/claims/schema";',
    ].join("\n");
    expect(libImportsOfDomains(new Map([[file, importsOf(file, text)]]))).toEqual([
      `${file}:3 imports @/domains/users/roles`,
      `${file}:4 imports ../domains/claims/schema`,
    ]);
  });

  it("would report a cycle through every import that makes it", () => {
    const edge = (from: string, line: number, to: string): Import => ({
      at: `${from}:${line}`,
      specifier: to,
      target: to,
    });
    const graph = new Map([
      ["a.ts", [edge("a.ts", 1, "b.ts")]],
      ["b.ts", [edge("b.ts", 2, "c.ts")]],
      ["c.ts", [edge("c.ts", 3, "a.ts")]],
    ]);
    expect(importCycles(graph)).toEqual([["a.ts:1 imports b.ts", "b.ts:2 imports c.ts", "c.ts:3 imports a.ts"]]);
  });
});
