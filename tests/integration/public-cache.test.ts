import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cloneSeededDatabase, type TestDatabase } from "@/tests/support/database";

// The cache of readers' pages (lib/cache/handler.mjs) against a real PostgreSQL: what the database
// triggers announce, and what the cache then serves. Handler and remember() share one state per process.
type HandlerModule = typeof import("@/lib/cache/handler.mjs");

let database: TestDatabase;
let cache: HandlerModule;
let verifiedId: number;
let unverifiedId: number;

/** Resolves with the payload of each notice on public_cache, in order, from a connection of its own. */
async function listen(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("LISTEN public_cache");
  const payloads: string[] = [];
  client.on("notification", (message) => payloads.push(message.payload ?? ""));
  return {
    /** Sends a marker and waits for it: every notice committed before is then in `payloads`. */
    async drain(): Promise<string[]> {
      const marker = `marker-${payloads.length}-${Date.now()}`;
      await client.query("SELECT pg_notify('public_cache', $1)", [marker]);
      await expect.poll(() => payloads.includes(marker), { timeout: 5_000 }).toBe(true);
      const seen = payloads.splice(0, payloads.length);
      return seen.slice(0, seen.indexOf(marker));
    },
    close: () => client.end(),
  };
}

/** remember() with a build that counts its calls. */
function counter() {
  let calls = 0;
  return {
    build: async () => {
      calls += 1;
      return `built ${calls}`;
    },
    get calls() {
      return calls;
    },
  };
}

async function listenerPid(): Promise<number | null> {
  const rows = await database.prisma.$queryRawUnsafe<{ pid: number }[]>(
    `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
    cache.LISTENER_NAME,
  );
  return rows[0]?.pid ?? null;
}

beforeAll(async () => {
  database = await cloneSeededDatabase("public_cache");
  process.env.DATABASE_URL = database.url;
  process.env.PUBLIC_CACHE = "on";
  cache = await import("@/lib/cache/handler.mjs");
  const claims = await database.prisma.claim.findMany({ orderBy: { id: "asc" }, take: 2 });
  [verifiedId, unverifiedId] = [claims[0]!.id, claims[1]!.id];
  await database.prisma.claim.update({
    where: { id: verifiedId },
    data: { status: "verified", verdict: "true", verifiedAt: new Date() },
  });
  // The cache listens once it is first used; wait until it does.
  await cache.remember("warm-up", async () => "x");
  await vi.waitFor(async () => expect(await listenerPid()).not.toBeNull(), { timeout: 10_000 });
});

afterAll(async () => {
  delete process.env.PUBLIC_CACHE;
  // Ends the listening connection, whose reconnections then fail quietly until the process exits.
  await database?.drop();
});

describe("the database announces what readers can see, when it commits", () => {
  it("sends one notice per committed transaction that touches a published claim, and none otherwise", async () => {
    const notices = await listen(database.url);
    try {
      await notices.drain();
      await database.prisma.claim.update({ where: { id: unverifiedId }, data: { topic: "Not published" } });
      expect(await notices.drain()).toEqual([]);

      await database.prisma.$transaction(async (tx) => {
        await tx.claim.update({ where: { id: verifiedId }, data: { rationale: "First reason." } });
        await tx.claim.update({ where: { id: verifiedId }, data: { rationale: "Second reason." } });
      });
      expect(await notices.drain()).toEqual([""]);

      await expect(
        database.prisma.$transaction(async (tx) => {
          await tx.claim.update({ where: { id: verifiedId }, data: { rationale: "Never committed." } });
          throw new Error("rolled back");
        }),
      ).rejects.toThrow("rolled back");
      expect(await notices.drain()).toEqual([]);

      const reviewer = await database.prisma.user.findFirstOrThrow();
      const source = await database.prisma.source.create({
        data: {
          claimId: verifiedId,
          url: "https://example.org/a",
          title: "A",
          stance: "supports",
          addedById: reviewer.id,
        },
      });
      expect(await notices.drain()).toEqual([""]);
      await database.prisma.source.delete({ where: { id: source.id } });
      expect(await notices.drain()).toEqual([""]);
      await database.prisma.source.create({
        data: {
          claimId: unverifiedId,
          url: "https://example.org/b",
          title: "B",
          stance: "supports",
          addedById: reviewer.id,
        },
      });
      expect(await notices.drain()).toEqual([]);

      // Unpublishing is a change readers see; a later edit of the unpublished claim is not.
      await database.prisma.claim.update({ where: { id: verifiedId }, data: { status: "in_progress" } });
      expect(await notices.drain()).toEqual([""]);
      await database.prisma.claim.update({ where: { id: verifiedId }, data: { rationale: "Draft." } });
      expect(await notices.drain()).toEqual([]);
      await database.prisma.claim.update({ where: { id: verifiedId }, data: { status: "verified" } });
      expect(await notices.drain()).toEqual([""]);
    } finally {
      await notices.close();
    }
  });
});

describe("the cache serves a value until a notice says it changed", () => {
  it("builds once, then again once a committed change is announced", async () => {
    const feed = counter();
    expect(await cache.remember("feed", feed.build)).toBe("built 1");
    expect(await cache.remember("feed", feed.build)).toBe("built 1");
    expect(feed.calls).toBe(1);

    await database.prisma.claim.update({ where: { id: verifiedId }, data: { rationale: "Changed." } });
    await expect.poll(() => cache.remember("feed", feed.build), { timeout: 2_000 }).toBe("built 2");
    expect(await cache.remember("feed", feed.build)).toBe("built 2");
  });

  it("does not keep what was built from data read before a change was announced", async () => {
    const sentinel = counter();
    await cache.remember("sentinel", sentinel.build);
    const page = counter();
    let releaseBuild: (() => void) | undefined;
    const building = cache.remember("slow page", async () => {
      await new Promise<void>((resolve) => (releaseBuild = resolve));
      return page.build();
    });
    await expect.poll(() => releaseBuild !== undefined).toBe(true);
    // The change commits while the page is being built from what was read before it; the sentinel,
    // built again, says the cache has heard of it.
    await database.prisma.claim.update({ where: { id: verifiedId }, data: { rationale: "Changed during a build." } });
    await expect.poll(() => cache.remember("sentinel", sentinel.build), { timeout: 2_000 }).toBe("built 2");
    releaseBuild!();
    expect(await building).toBe("built 1");
    // Served once to whoever asked, never stored: the next reader gets a new build.
    expect(await cache.remember("slow page", page.build)).toBe("built 2");
  });

  it("serves nothing from the cache while it cannot listen, and forgets everything it had", async () => {
    const article = counter();
    await cache.remember("article", article.build);
    expect(await cache.remember("article", article.build)).toBe("built 1");
    const pid = await listenerPid();
    await database.prisma.$queryRawUnsafe("SELECT pg_terminate_backend($1)", pid);
    // Reconnected (a new backend), with nothing kept from before the loss.
    await expect.poll(listenerPid, { timeout: 10_000 }).not.toBe(pid);
    await expect.poll(listenerPid, { timeout: 10_000 }).not.toBeNull();
    expect(await cache.remember("article", article.build)).not.toBe("built 1");
  });
});

describe("the Content-Security-Policy of a cached page", () => {
  const html =
    '<html><head><style>body{color:red}</style><script src="/_next/a.js" async=""></script></head>' +
    '<body><script>self.__next_f.push([1,"a"])</script><script type="application/ld+json">{"a":1}</script></body></html>';
  const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

  it("allows the page's own inline scripts and styles by hash, and no framing", () => {
    const policy = cache.cachedPageContentSecurityPolicy("/fact-checks/12", html);
    expect(policy).toContain(`script-src 'self' ${hash('self.__next_f.push([1,"a"])')} ${hash('{"a":1}')};`);
    expect(policy).toContain(`style-src 'self' ${hash("body{color:red}")};`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-eval|nonce-/);
  });

  it("lets any site frame an embed card, and only that", () => {
    expect(cache.cachedPageContentSecurityPolicy("/fact-checks/12/embed", html)).toContain("frame-ancestors *");
    expect(cache.cachedPageContentSecurityPolicy("/fact-checks/embed-something", html)).toContain(
      "frame-ancestors 'none'",
    );
  });
});
