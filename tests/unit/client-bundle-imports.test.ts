/**
 * What a client component imports is shipped to every browser that opens its page. Two library
 * imports slipped in that way before, each through a file that only wanted a constant: zod (30 kB
 * gzipped) on the claim page through a length limit, and on every page through the theme's names.
 * This test follows every `"use client"` file's imports that survive compilation (type-only imports
 * are erased), file by file, and fails when one of them reaches a server-side library. A `"use server"`
 * module ends the walk: the browser gets a reference to its actions, not its code.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Libraries the browser never needs: validation and data access run on the server. */
const SERVER_LIBRARIES = ["zod", "@prisma/client", "pg", "better-auth", "zod-openapi", "server-only"];

const compilerOptions = ts.parseJsonConfigFileContent(
  ts.readConfigFile(path.join(ROOT, "tsconfig.json"), (file) => ts.sys.readFile(file)).config,
  ts.sys,
  ROOT,
).options;

function sourceFilesUnder(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(directory, file))
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts"));
}

function directive(source: ts.SourceFile): string | undefined {
  const first = source.statements[0];
  return first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)
    ? first.expression.text
    : undefined;
}

/** Module specifiers of the imports and re-exports that remain in the compiled file. */
function runtimeImports(source: ts.SourceFile): string[] {
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((element) => element.isTypeOnly)));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.isTypeOnly &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Each path from a client file to a server library, as "a.tsx → b.ts → zod". */
function serverLibrariesReachedFrom(clientFile: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest);
    if (file !== clientFile && directive(source) === "use server") return;
    for (const specifier of runtimeImports(source)) {
      const resolved = ts.resolveModuleName(specifier, path.join(ROOT, file), compilerOptions, ts.sys).resolvedModule;
      if (resolved && !resolved.isExternalLibraryImport) {
        const target = path.relative(ROOT, resolved.resolvedFileName);
        if (!target.startsWith("..") && !target.endsWith(".d.ts")) walk(target, [...trail, target]);
      } else if (SERVER_LIBRARIES.includes(packageOf(specifier))) {
        found.push([...trail, specifier].join(" → "));
      }
    }
  };
  walk(clientFile, [clientFile]);
  return found;
}

const clientFiles = ["app", "components", "domains", "lib"].flatMap(sourceFilesUnder).filter((file) => {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return directive(ts.createSourceFile(file, text, ts.ScriptTarget.Latest)) === "use client";
});

describe("client components ship no server-side library", () => {
  it("finds the client components", () => {
    expect(clientFiles).toContain(path.join("components", "theme-switch.tsx"));
  });

  it.each(clientFiles)("%s", (file) => {
    expect(serverLibrariesReachedFrom(file)).toEqual([]);
  });
});
