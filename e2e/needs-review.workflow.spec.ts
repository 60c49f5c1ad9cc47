import { type APIRequestContext, type Browser, expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS, findClaim } from "./support";

const QUOTE = "These demands had already emerged in 2017 during the Conference of National Accord";

/** A browser context of its own per reviewer, signed in through the API as any client would. */
async function signedIn(browser: Browser, role: "reviewer1" | "reviewer2") {
  const context = await browser.newContext();
  const signIn = await context.request.post("/api/auth/sign-in/email", {
    data: { email: DEMO_ACCOUNTS[role], password: "demo-password-123" },
  });
  expect(signIn.status()).toBe(200);
  return { context, page: await context.newPage() };
}

/** Takes, starts, sources and proposes the claim as "Misleading" through the API, as any client would. */
async function proposeMisleading(request: APIRequestContext, claimId: number) {
  const session = (await (await request.get("/api/auth/get-session")).json()) as { user: { id: string } };
  const patch = async (data: Record<string, unknown>) => {
    const { version } = (await (await request.get(`/api/claims/${claimId}`)).json()) as { version: number };
    const response = await request.patch(`/api/claims/${claimId}`, { data: { version, ...data } });
    expect(response.status(), await response.text()).toBe(200);
  };
  await patch({
    assigneeId: session.user.id,
    status: "in_progress",
    verdict: "misleading",
    rationale: "The 2017 conference's final report asked for talks with the jihadist leaders Kouffa and Ghaly.",
  });
  const source = await request.post(`/api/claims/${claimId}/sources`, {
    data: {
      url: "https://www.jeuneafrique.com/mag/432473/politique/mali-conference-dentente-nationale",
      title: "Conférence d'entente nationale : les recommandations",
      stance: "supports",
    },
  });
  expect(source.status(), await source.text()).toBe(201);
  await patch({ status: "awaiting_second_review" });
}

test("a proposal waits in the other reviewers' queues, and the overview counts it as proposed, not as a verdict", async ({
  browser,
}) => {
  const proposer = await signedIn(browser, "reviewer1");
  const claim = await findClaim(proposer.page.request, QUOTE);
  await proposeMisleading(proposer.page.request, claim.id);

  // The second reviewer's queue lists it under "Needs your review", linked, with who proposed it and when.
  const reviewer = await signedIn(browser, "reviewer2");
  await reviewer.page.goto("/queue");
  const needsReview = reviewer.page.getByRole("region", { name: /^Needs your review/ });
  const item = needsReview.getByRole("listitem").filter({ hasText: claim.statement });
  await expect(item.getByRole("link", { name: claim.statement })).toHaveAttribute("href", `/claims/${claim.id}`);
  await expect(item).toContainText(/Proposed by Rita Reviewer (just now|\d+ minutes? ago)/);
  await expect(item.locator("[data-verdict-stage=proposed]")).toHaveText("Verdict Proposed: Misleading");

  // The overview lists it too, and its "By verdict" counts it as proposed, not as a verified verdict.
  await reviewer.page.goto("/");
  await expect(
    reviewer.page.getByRole("region", { name: /^Needs your review/ }).getByRole("link", { name: claim.statement }),
  ).toBeVisible();
  const misleading = reviewer.page
    .getByRole("region", { name: "By verdict" })
    .getByRole("row", { name: /^Misleading/ })
    .getByRole("cell");
  await expect(misleading).toHaveText(["0", "1", "0"]);

  // The proposer's own queue and overview do not ask them to review it.
  for (const path of ["/queue", "/"]) {
    await proposer.page.goto(path);
    const own = proposer.page.getByRole("region", { name: /^Needs your review/ });
    await expect(own).toBeVisible();
    await expect(own.getByRole("link", { name: claim.statement })).toHaveCount(0);
  }

  await proposer.context.close();
  await reviewer.context.close();
});
