import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
const PLAIN_WARNING = "BETTER_AUTH_URL is not set";

/** `npm start` (scripts/serve.ts start) with no build to start: it stops right after its checks. */
function startWithoutBuild(env: Record<string, string | undefined>): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["tsx", "scripts/serve.ts", "start"],
      { cwd: PROJECT_ROOT, env: { ...process.env, NEXT_DIST_DIR: ".next-no-build-here", ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        }),
    );
  });
}

describe("BETTER_AUTH_URL unset in production", () => {
  it("npm start says so once, in plain words", async () => {
    const unset = await startWithoutBuild({ BETTER_AUTH_URL: undefined });
    expect(unset.output.split(PLAIN_WARNING).length - 1).toBe(1);
    expect(unset.output).toContain("No production build found");
    expect(unset.code).toBe(1);

    const set = await startWithoutBuild({ BETTER_AUTH_URL: "https://factcheck.example.org" });
    expect(set.output).not.toContain(PLAIN_WARNING);
  });

  describe("Better Auth", () => {
    afterAll(() => {
      vi.restoreAllMocks();
    });

    it("does not repeat it in its own words, and still reports its other warnings", async () => {
      // A current secret of two characters repeated: Better Auth warns that it looks low-entropy.
      Object.assign(process.env, {
        DATABASE_URL: "postgresql://nobody@127.0.0.1:9/never-connected",
        BETTER_AUTH_SECRETS: `1:${"ab".repeat(16)}`,
      });
      delete process.env.BETTER_AUTH_URL;
      const printed: string[] = [];
      for (const method of ["log", "info", "warn", "error"] as const) {
        vi.spyOn(console, method).mockImplementation(
          (...args: unknown[]) => void printed.push(args.map(String).join(" ")),
        );
      }
      const { auth } = await import("@/domains/users/auth");
      await auth().$context;
      expect(printed.filter((line) => /base url/i.test(line))).toEqual([]);
      expect(printed.filter((line) => line.includes("low-entropy"))).toHaveLength(1);
    });
  });
});
