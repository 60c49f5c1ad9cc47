import { siteEnv } from "@/lib/env";

/**
 * The public origin of the app, from configuration only: BETTER_AUTH_URL (the address people use,
 * behind a proxy), else http://localhost:<PORT> for development. Never from a request's Host or
 * X-Forwarded-Host: public pages and feeds are cached and served to every reader, so a forged header
 * would otherwise be stored in them (cache poisoning).
 */
export function siteOrigin(): string {
  const env = siteEnv();
  return env.BETTER_AUTH_URL ? new URL(env.BETTER_AUTH_URL).origin : `http://localhost:${env.PORT}`;
}

/** The absolute address of a path on this site, for links that leave it (feeds, JSON-LD, share cards, oEmbed). */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname, siteOrigin()).toString();
}

/** The organisation that signs what is published. */
export function publishingOrganization(): { name: string; url?: string } {
  const env = siteEnv();
  return { name: env.FACTCHECK_ORG_NAME, ...(env.FACTCHECK_ORG_URL ? { url: env.FACTCHECK_ORG_URL } : {}) };
}

export function publishingContext(claimId: number) {
  return { pageUrl: absoluteUrl(`/fact-checks/${claimId}`), organization: publishingOrganization() };
}
