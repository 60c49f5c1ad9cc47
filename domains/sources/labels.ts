import type { SourceStance } from "@/lib/generated/prisma/enums";

// Zod-free and not server-only: the claim page's sources panel, a client component, shows these too.

/** What a source's stance says of the claim, as the claim page and the public fact-check show it. */
export const STANCE_LABELS: Record<SourceStance, string> = {
  supports: "Supports the claim",
  refutes: "Refutes the claim",
  context: "Context",
};
