import type { SeedClaim } from "./claims";

export interface LocatedClaim extends SeedClaim {
  startOffset: number;
  endOffset: number;
}

/** Anchors each quote to its span in the body; a quote that is not there is a seed error, not a skipped claim. */
export function locateSeedClaims(body: string, claims: readonly SeedClaim[]): LocatedClaim[] {
  return claims.map((claim) => {
    const wanted = claim.occurrence ?? 1;
    let start = -1;
    for (let seen = 0; seen < wanted; seen++) {
      start = body.indexOf(claim.quote, start + 1);
      if (start === -1) {
        throw new Error(`Seed claim quote not found (occurrence ${wanted}): "${claim.quote}"`);
      }
    }
    return { ...claim, startOffset: start, endOffset: start + claim.quote.length };
  });
}
