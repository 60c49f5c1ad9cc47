import type { MetadataRoute } from "next";
import { SITEMAP_INDEX_PATH } from "@/domains/publishing/sitemap";
import { absoluteUrl } from "@/lib/site";

// Everything but the readers' pages needs a session (the proxy redirects to sign-in), so crawlers
// are only told to leave the JSON API alone, and where the sitemap of the public pages is.
export default function robots(): MetadataRoute.Robots {
  return { rules: { userAgent: "*", allow: "/", disallow: "/api/" }, sitemap: absoluteUrl(SITEMAP_INDEX_PATH) };
}
