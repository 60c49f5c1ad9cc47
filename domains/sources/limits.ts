// Zod-free: imported by client components (importing schema.ts would ship zod to the browser).
export const MAX_TITLE_LENGTH = 300;
export const MAX_EXCERPT_LENGTH = 2_000;
