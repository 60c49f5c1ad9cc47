import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedServerBlocker, folderClosedToOthers, PROJECT_ROOT } from "@/scripts/lib/database";

// As root the embedded PostgreSQL runs as the `postgres` user: a checkout or data folder inside a private
// folder (mode 700) made initdb fail with EACCES and an unhandled error; now it stops with one sentence.
const privateFolder = () => mkdtempSync(path.join(tmpdir(), "factcheck-private-"));

describe("the embedded server in a folder others cannot enter", () => {
  it("finds the closed folder above a path, and none once it opens", () => {
    const folder = privateFolder();
    expect(folderClosedToOthers(path.join(folder, "data", "postgres"))).toBe(folder);
    chmodSync(folder, 0o755);
    expect(folderClosedToOthers(path.join(folder, "data", "postgres"))).toBeNull();
  });

  it("says why and what to do when run as root, and nothing for other users", () => {
    const folder = privateFolder();
    const sentence = embeddedServerBlocker(path.join(folder, "postgres"), 0);
    expect(sentence).toContain(`cannot enter ${folder} (mode 700)`);
    expect(sentence).toContain("DATABASE_URL");
    expect(embeddedServerBlocker(path.join(folder, "postgres"), 1000)).toBeNull();
  });

  it.runIf(userInfo().uid === 0)(
    "stops a command with that sentence alone and exit code 1, before starting anything",
    () => {
      const dataDir = path.join(privateFolder(), "postgres");
      const script = `import { startEmbeddedServer } from "./scripts/lib/database.ts";
      await startEmbeddedServer({ dataDir: ${JSON.stringify(dataDir)}, port: 1, persistent: false });`;
      const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
      });
      expect(result.stderr.trim()).toBe(embeddedServerBlocker(dataDir));
      expect(result.status).toBe(1);
    },
  );
});
