import { expect, type Page, test } from "@playwright/test";
import { ANONYMOUS } from "./csp";
import { SignInPage } from "./pages/sign-in-page";

test.use(ANONYMOUS);

/**
 * `next` as it stands in the sign-in page's URL, and where signing in must land. Each trick leads to
 * another site if the app answers it as a Location as it is; only the last two are places on the site.
 * One of each kind goes through the browser here (whitespace the URL parser drops, a backslash, a
 * second slash, a dot segment, an absolute URL, a script URL, an encoded slash, a kept path); the
 * decoded forms of the rest (`%0a`, `%0d`, `%5C%5C`, `https:%2F%2F`…) are unit cases of `safeReturnPath`
 * in tests/unit/safe-return-path.test.ts, where they cost no sign-in each.
 */
const TRICKS: { next: string; lands: string }[] = [
  { next: "%2F%09%2Fevil.example", lands: "/" },
  { next: "/\\evil.example", lands: "/" },
  { next: "//evil.example", lands: "/" },
  { next: "/.//evil.example", lands: "/" },
  { next: "https://evil.example", lands: "/" },
  { next: "javascript:alert(1)", lands: "/" },
  { next: "/%252F/evil.example", lands: "/%2F/evil.example" },
  { next: "%2Fclaims%3Fstatus%3Dverified%23top", lands: "/claims?status=verified#top" },
];

/** Nothing may leave the app: a request to another host fails instead of reaching it. */
async function stayOnThisSite(page: Page, baseURL: string) {
  const ownHost = new URL(baseURL).host;
  await page.context().route(
    (url) => url.host !== ownHost,
    (route) => route.abort(),
  );
}

async function expectLandedOn(page: Page, baseURL: string, expected: string) {
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  const landed = new URL(page.url());
  expect(landed.origin).toBe(new URL(baseURL).origin);
  expect(`${landed.pathname}${landed.search}${landed.hash}`).toBe(expected);
}

for (const { next, lands } of TRICKS) {
  test(`signing in from /sign-in?next=${next} lands on ${lands}`, async ({ page, baseURL }) => {
    await stayOnThisSite(page, baseURL!);
    const signIn = new SignInPage(page);

    await page.goto(`/sign-in?next=${next}`);
    await signIn.signIn("reviewer2@example.org");
    await expectLandedOn(page, baseURL!, lands);

    // Signed in, the sign-in page sends the visitor on at once: the same rule applies.
    await page.goto(`/sign-in?next=${next}`);
    await expectLandedOn(page, baseURL!, lands);
  });

  test(`the sign-in action itself sends next=${next} to ${lands} when the form was tampered with`, async ({
    page,
    baseURL,
  }) => {
    await stayOnThisSite(page, baseURL!);
    await page.goto("/sign-in");
    await page.waitForFunction(() => (window as unknown as { next?: { appDir?: boolean } }).next?.appDir === true);
    const decoded = new URLSearchParams(`next=${next}`).get("next")!;
    await page
      .locator('input[name="next"]')
      .evaluate((input: HTMLInputElement, value) => (input.value = value), decoded);
    await new SignInPage(page).signIn("reviewer2@example.org");
    await expectLandedOn(page, baseURL!, lands);
  });
}
