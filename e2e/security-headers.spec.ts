import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIResponse, expect, test } from "@playwright/test";
import { ANONYMOUS, cspOf, expectClientNavigation, expectHashedCsp, openHydrated, watchCspViolations } from "./csp";
import { seededArticle } from "./support";

const NEXT_VERSION = (
  JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "node_modules/next/package.json"), "utf8")) as {
    version: string;
  }
).version;

function expectStaticHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e server is the production build (over http, where browsers ignore HSTS; deployed, it is https).
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(Object.values(headers).filter((value) => value.includes(NEXT_VERSION) || /next\.js/i.test(value))).toEqual([]);
}

/** The page's CSP, checked directive by directive; returns its nonce. */
function expectPageCsp(response: APIResponse): string {
  const { policy, directives } = cspOf(response);
  const nonce = /^'nonce-([A-Za-z0-9+/]+={0,2})'$/.exec(
    directives.get("script-src")?.find((value) => value.startsWith("'nonce-")) ?? "",
  )?.[1];
  expect(nonce, policy).toBeDefined();
  expect(directives.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(directives.get("style-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy).not.toContain("unsafe-eval");
  return nonce!;
}

/** Every script element of the HTML carries the nonce, except JSON-LD, which is data and never runs. */
async function expectNoncedScripts(response: APIResponse, nonce: string) {
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  const unnonced = tags.filter(
    (tag) => !tag.includes(`nonce="${nonce}"`) && !tag.includes('type="application/ld+json"'),
  );
  expect(unnonced).toEqual([]);
}

async function expectSecurePage(get: (path: string) => Promise<APIResponse>, pagePath: string) {
  const response = await get(pagePath);
  expect(response.headers()["content-type"]).toContain("text/html");
  expectStaticHeaders(response);
  const nonce = expectPageCsp(response);
  await expectNoncedScripts(response, nonce);
  expect(expectPageCsp(await get(pagePath)), "a fresh nonce for every request").not.toBe(nonce);
}

test("signed-in pages carry a nonce CSP without unsafe-eval, framing refused, and the static headers", async ({
  page,
  request,
}) => {
  const article = await seededArticle(request);
  for (const pagePath of ["/", "/claims", `/articles/${article.id}`, "/queue", "/corrections"]) {
    await test.step(pagePath, () => expectSecurePage((url) => page.request.get(url), pagePath));
  }
});

test.describe("for visitors", () => {
  test.use(ANONYMOUS);

  test("public pages carry the same CSP and headers, and the sign-in redirect the static headers", async ({
    request,
  }) => {
    for (const pagePath of ["/sign-in", "/api-docs"]) {
      await test.step(pagePath, () => expectSecurePage((url) => request.get(url), pagePath));
    }
    const redirect = await request.get("/claims", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectStaticHeaders(redirect);
  });

  test("cached readers' pages carry a CSP of their own inline scripts' hashes, kept with the page", async ({
    request,
  }) => {
    // A fact-check that does not exist: its 404 page is generated once and served from the cache too.
    const first = await request.get("/fact-checks/999999");
    expect(first.status()).toBe(404);
    expectStaticHeaders(first);
    await expectHashedCsp(first);
    const again = await request.get("/fact-checks/999999");
    expect(again.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(again.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
    await expectHashedCsp(again);
  });

  test("Next refuses a Server Action posted from another origin before looking for the action", async ({
    request,
    baseURL,
  }) => {
    const post = (origin: string) =>
      request.post("/sign-in", {
        headers: {
          "next-action": "0".repeat(42),
          origin,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
        },
        data: "[]",
        maxRedirects: 0,
      });
    expect((await post("https://evil.example")).status()).toBe(500);
    // From the app's own origin the same request passes that check and fails later: no such action.
    expect((await post(new URL(baseURL!).origin)).status()).not.toBe(500);
  });
});

test("API responses: the static headers and a CSP that allows nothing to load or run", async ({
  page,
  playwright,
  baseURL,
}) => {
  const signedIn = await page.request.get("/api/claims?pageSize=1");
  const visitor = await playwright.request.newContext({ baseURL, ...ANONYMOUS });
  const anonymous = await visitor.get("/api/claims?pageSize=1");
  const published = await visitor.get("/api/openapi.json");
  expect([signedIn.status(), anonymous.status(), published.status()]).toEqual([200, 401, 200]);
  for (const response of [signedIn, anonymous, published]) {
    expectStaticHeaders(response);
    expect(response.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  }
  await visitor.dispose();
});

// One page per test: each stays within its own time limit however slow the machine.
for (const name of ["/", "/claims", "a claim", "the article", "/queue", "/corrections", "/api-docs"]) {
  test(`the browser reports no CSP violation on ${name}, and it hydrates`, async ({ page, request }) => {
    const article = await seededArticle(request);
    const detail = (await (await request.get(`/api/articles/${article.id}`)).json()) as { claims: { id: number }[] };
    const pagePath =
      name === "a claim"
        ? `/claims/${detail.claims[0]!.id}`
        : name === "the article"
          ? `/articles/${article.id}`
          : name;
    const violations = await watchCspViolations(page);
    await openHydrated(page, pagePath);
    await expectClientNavigation(page, "Claims", "Claims");
    expect(await violations()).toEqual([]);
  });
}

test.describe("for visitors, in the browser", () => {
  test.use(ANONYMOUS);

  for (const pagePath of ["/sign-in", "/api-docs", "/fact-checks/999999"]) {
    test(`${pagePath} reports no CSP violation`, async ({ page }) => {
      const violations = await watchCspViolations(page);
      await openHydrated(page, pagePath);
      if (pagePath === "/sign-in") await expectClientNavigation(page, "API documentation", "Fact-check desk API");
      expect(await violations()).toEqual([]);
    });
  }

  test("the watch sees a violation: an image from another site is blocked and reported", async ({ page }) => {
    const violations = await watchCspViolations(page);
    await openHydrated(page, "/sign-in");
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<img src="https://elsewhere.example/pixel.png" alt="">'),
    );
    await expect
      .poll(violations)
      .toContainEqual(expect.stringContaining("img-src blocked https://elsewhere.example/pixel.png"));
  });
});
