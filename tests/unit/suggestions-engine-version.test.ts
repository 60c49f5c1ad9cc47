import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { SUGGESTION_ENGINE_VERSION } from "@/domains/suggestions/suggest";

/**
 * Stored suggestions are reused as long as SUGGESTION_ENGINE_VERSION is unchanged, so a change to the engine that
 * leaves the version alone would serve every article the old engine's result forever. This test notices any change
 * to the engine's files: bump the version (any new string) and record the new fingerprint beside it.
 */
const RECORDED = { version: "5", fingerprint: "d6f5582ef3b3ce853f507edbb51af14f3409159feb399cc0e165864dbf173ad5" };

const ENGINE_FILES = ["markup.ts", "segment.ts", "signals.ts", "suggest.ts"];

function engineFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of ENGINE_FILES) {
    // Line endings normalised, so a Windows checkout has the same fingerprint.
    const source = readFileSync(path.join(import.meta.dirname, "../../domains/suggestions", file), "utf8");
    hash.update(`${file}\n${source.replace(/\r\n/g, "\n")}`);
  }
  return hash.digest("hex");
}

it("the engine's files are those its version was recorded with", () => {
  const fingerprint = engineFingerprint();
  const now = `version ${SUGGESTION_ENGINE_VERSION}, fingerprint ${fingerprint}`;
  expect(fingerprint, `the engine changed: bump SUGGESTION_ENGINE_VERSION and update this fingerprint (${now})`).toBe(
    RECORDED.fingerprint,
  );
  expect(SUGGESTION_ENGINE_VERSION, "the version changed: record it here with the fingerprint").toBe(RECORDED.version);
});
