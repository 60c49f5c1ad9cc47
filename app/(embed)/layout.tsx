import type { Metadata, Viewport } from "next";
import { siteOrigin } from "@/lib/site";
import "../globals.css";

export const metadata: Metadata = { metadataBase: new URL(siteOrigin()), robots: { index: false } };

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The root layout of embed cards, which other sites frame: no header, no footer, no cookie, no
 * session, no request header, so that each card is generated once per change and served from the
 * cache. The theme follows the reader's system setting.
 */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-transparent font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
