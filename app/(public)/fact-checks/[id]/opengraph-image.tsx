import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { VERDICT_LABELS } from "@/domains/claims/labels";
import { getPublishedClaim } from "@/domains/publishing/data";
import { SHARE_CARD_ALT, SHARE_CARD_SIZE } from "@/domains/publishing/metadata";
import type { Verdict } from "@/lib/generated/prisma/enums";
import { publishingOrganization } from "@/lib/site";
import { parseId } from "@/lib/validation";

// Generated on first request and then served from the cache like the page (docs/PUBLISHING.md).
export const revalidate = 60;
export async function generateStaticParams() {
  return [];
}

export const alt = SHARE_CARD_ALT;
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

/**
 * DejaVu Sans, shipped in assets/fonts (Bitstream Vera licence, LICENSE-DejaVu.txt beside it): nothing
 * may be downloaded at run time, and it covers Latin, Greek and Cyrillic claims alike. Read once per
 * process, on the first card; `next build` traces the files from these literal paths.
 */
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(process.cwd(), "assets/fonts/DejaVuSans.ttf")),
    readFile(path.join(process.cwd(), "assets/fonts/DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** The verdict label's colours: the site's badge colours, strong enough to read in a thumbnail. */
const VERDICT_COLOURS: Record<Verdict, { text: string; background: string }> = {
  unrated: { text: "#334155", background: "#f1f5f9" },
  true: { text: "#065f46", background: "#d1fae5" },
  mostly_true: { text: "#115e59", background: "#ccfbf1" },
  mixed: { text: "#92400e", background: "#fef3c7" },
  mostly_false: { text: "#9a3412", background: "#ffedd5" },
  false: { text: "#991b1b", background: "#fee2e2" },
  misleading: { text: "#9f1239", background: "#ffe4e6" },
  unverifiable: { text: "#334155", background: "#f1f5f9" },
  not_a_claim: { text: "#334155", background: "#f1f5f9" },
};
const RETRACTED_COLOURS = { text: "#ffffff", background: "#991b1b" };

/** At most this many characters of the claim, cut at a word: the card is read at a glance. */
const STATEMENT_LENGTH = 190;

function clamped(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= STATEMENT_LENGTH) return flat;
  const cut = flat.slice(0, STATEMENT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(" ")).trimEnd()}…`;
}

/** A long claim gets a smaller size, so that every card holds its claim in at most five lines. */
function statementSize(text: string): number {
  if (text.length <= 80) return 54;
  if (text.length <= 130) return 46;
  return 40;
}

/** The share card of a published fact-check (retracted ones say so instead of their verdict). */
export default async function ShareCard({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const claim = id === null ? null : await getPublishedClaim(id);
  if (!claim) return new Response("No published fact-check has this id.", { status: 404 });
  const { regular, bold } = await loadFonts();
  const statement = clamped(claim.statement);
  const retracted = claim.retractedAt !== null;
  const colours = retracted ? RETRACTED_COLOURS : VERDICT_COLOURS[claim.verdict];
  const accent = retracted ? RETRACTED_COLOURS.background : colours.text;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        padding: "56px 72px",
        background: "#ffffff",
        color: "#0f172a",
        fontFamily: "DejaVu Sans",
        borderTop: `16px solid ${accent}`,
      }}
    >
      <div style={{ display: "flex", fontSize: 26, fontWeight: 700, letterSpacing: 3, color: "#475569" }}>
        FACT-CHECK
      </div>
      <div style={{ display: "flex", fontSize: statementSize(statement), lineHeight: 1.25, fontWeight: 400 }}>
        “{statement}”
      </div>
      <div style={{ display: "flex", alignItems: "flex-end", justifyContent: "space-between", gap: 32 }}>
        <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
          <div style={{ display: "flex", fontSize: 24, color: "#475569" }}>
            {retracted ? "This fact-check was" : "Our verdict"}
          </div>
          <div
            style={{
              display: "flex",
              padding: "10px 28px",
              borderRadius: 16,
              fontSize: 64,
              fontWeight: 700,
              color: colours.text,
              background: colours.background,
            }}
          >
            {retracted ? "Retracted" : VERDICT_LABELS[claim.verdict]}
          </div>
        </div>
        <div style={{ display: "flex", fontSize: 28, fontWeight: 700, color: "#334155", textAlign: "right" }}>
          {publishingOrganization().name}
        </div>
      </div>
    </div>,
    {
      ...size,
      fonts: [
        { name: "DejaVu Sans", data: regular, weight: 400, style: "normal" },
        { name: "DejaVu Sans", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
