import type { MetadataRoute } from "next";

// Everything but the published fact-checks needs a session (the proxy redirects to sign-in), so
// crawlers are only told to leave the JSON API alone.
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: "/api/" } };
}
