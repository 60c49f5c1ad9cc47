import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, storageStateOf } from "./support";

// Each demo account signs in once through the API, as any programmatic client would; the tests reuse the cookies.
for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
  setup(`sign in as ${role}`, async ({ request }) => {
    const response = await request.post("/api/auth/sign-in/email", { data: { email, password: "demo-password-123" } });
    expect(response.status()).toBe(200);
    await request.storageState({ path: storageStateOf(role as keyof typeof DEMO_ACCOUNTS) });
  });
}
