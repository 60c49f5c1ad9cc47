import { serverEnv } from "@/lib/env";

/** The public origin of the app: BETTER_AUTH_URL when configured (behind a proxy), else the request's host. */
export function siteOrigin(requestHeaders: Headers): string {
  const configured = serverEnv().BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol =
    requestHeaders.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${protocol}://${host}`;
}

export function publishingContext(requestHeaders: Headers, claimId: number) {
  const env = serverEnv();
  return {
    pageUrl: `${siteOrigin(requestHeaders)}/fact-checks/${claimId}`,
    organization: { name: env.FACTCHECK_ORG_NAME, ...(env.FACTCHECK_ORG_URL ? { url: env.FACTCHECK_ORG_URL } : {}) },
  };
}
