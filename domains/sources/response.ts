import { z } from "zod";
import { userRefSchema } from "@/domains/users/api";
import { SourceStance } from "@/lib/generated/prisma/enums";
import { dateTime } from "@/lib/api-description";

/**
 * A source as the API answers it (`sourceSelect`), on its own so that the claim's answer, which lists
 * its sources, and the sources' operations, which refer to the claim's version, share it.
 */
export const sourceSchema = z
  .strictObject({
    id: z.int(),
    claimId: z.int(),
    url: z.url().meta({
      description: "Normalised: lowercase scheme and host, no default port, a unicode host as punycode.",
    }),
    title: z.string(),
    publisher: z.string().nullable(),
    excerpt: z.string().nullable(),
    stance: z.enum(SourceStance),
    archiveUrl: z.url().nullable(),
    addedAt: dateTime,
    addedBy: userRefSchema,
  })
  .meta({ id: "Source" });
