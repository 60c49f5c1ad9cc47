/** Runs once when a server starts: a misconfigured environment stops it here, with every problem listed. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("@/lib/env");
    serverEnv();
  }
}
