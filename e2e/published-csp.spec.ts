import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, request, test } from "@playwright/test";
import { ANONYMOUS, openHydrated, watchCspViolations } from "./csp";
import { storageStateOf } from "./support";

// Runs after the workflow project, which verifies (and so publishes) a claim: its public page, with
// the ClaimReview in JSON-LD, under the page's CSP.
test.use(ANONYMOUS);

/** A claim the workflow verified and nobody retracted: its ClaimReview answers 200. */
async function publishedClaim(playwright: { request: { newContext: typeof request.newContext } }, baseURL: string) {
  const reviewer = await playwright.request.newContext({ baseURL, storageState: storageStateOf("reviewer1") });
  const { items } = (await (await reviewer.get("/api/claims?status=verified&pageSize=100")).json()) as {
    items: { id: number; statement: string }[];
  };
  for (const item of items) {
    if ((await reviewer.get(`/api/claims/${item.id}/claimreview`)).status() === 200) {
      await reviewer.dispose();
      return item;
    }
  }
  throw new Error("The workflow published no claim that is still published.");
}

test("a published fact-check shows, carries its JSON-LD, and reports no CSP violation", async ({
  page,
  playwright,
  baseURL,
}) => {
  const claim = await publishedClaim(playwright, baseURL!);

  const violations = await watchCspViolations(page);
  await openHydrated(page, `/fact-checks/${claim.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(claim.statement);
  await expect(page.getByText("Our verdict:")).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}") as Record<
    string,
    unknown
  >;
  expect(jsonLd).toMatchObject({
    "@type": "ClaimReview",
    claimReviewed: claim.statement,
    url: new URL(`/fact-checks/${claim.id}`, page.url()).href,
  });
  expect(await violations()).toEqual([]);
});

test("another site frames the embed card, but not the fact-check's page", async ({ page, playwright, baseURL }) => {
  const claim = await publishedClaim(playwright, baseURL!);
  const embedUrl = new URL(`/fact-checks/${claim.id}/embed`, baseURL).href;
  const pageUrl = new URL(`/fact-checks/${claim.id}`, baseURL).href;
  // A partner's article on another origin (localhost, not 127.0.0.1; both on this machine, since Chromium
  // keeps public sites from framing local addresses), as a CMS that discovered the embed would write it.
  const partner = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.end(`<!doctype html><title>Partner</title><h1>Partner article</h1>
      <iframe title="Embedded fact-check" src="${embedUrl}" width="560" height="320"></iframe>
      <iframe title="Framed page" src="${pageUrl}" width="560" height="320"></iframe>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, resolve));
  const partnerPort = (partner.address() as AddressInfo).port;
  await page.goto(`http://localhost:${partnerPort}/article`);
  const embed = page.frameLocator('iframe[title="Embedded fact-check"]');
  await expect(embed.getByText(claim.statement)).toBeVisible();
  // Chromium replaces a refused frame with its own error document: nothing of the page is in it.
  await expect
    .poll(() => page.frames().map((frame) => frame.url()))
    .toEqual(expect.arrayContaining([expect.stringMatching(/^chrome-error:/)]));
  expect(page.frames().map((frame) => frame.url())).not.toContain(pageUrl);
  partner.close();
});
