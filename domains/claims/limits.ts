// Zod-free: imported by client components (importing schema.ts would ship zod to the browser).
export const MIN_RATIONALE_LENGTH = 20;
