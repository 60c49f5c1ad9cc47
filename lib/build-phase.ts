/**
 * `next build` prerenders every page that has no dynamic segment and reads no request, and it runs
 * without a database. Cached public pages of that kind render empty while building: the runtime cache
 * starts empty (lib/cache/handler.mjs), so readers never get what the build rendered.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}
