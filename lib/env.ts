import { z } from "zod";

/** What the public pages need: no database, so that they can also be generated at build time. */
const siteEnvShape = {
  /** The public URL of the app (https://… behind a proxy); requests from other origins are refused. */
  BETTER_AUTH_URL: z.url("BETTER_AUTH_URL must be a URL.").optional(),
  /** The port the app listens on (`next` sets it); with BETTER_AUTH_URL unset, development trusts the local origins on it. */
  PORT: z.coerce.number({ error: "PORT must be a port number." }).int().min(1).max(65_535).default(3000),
  /** The organisation that signs published fact-checks (ClaimReview `author`). */
  FACTCHECK_ORG_NAME: z.string().trim().min(1).default("Fact-check desk"),
  FACTCHECK_ORG_URL: z.url("FACTCHECK_ORG_URL must be a URL.").optional(),
};

const serverEnvSchema = z
  .object({
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which provide one." })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// or postgresql:// connection string."),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /**
     * "off" behind a connection pooler that cannot keep prepared statements (PgBouncer in
     * transaction mode before 1.21, or without max_prepared_statements).
     */
    DATABASE_PREPARED_STATEMENTS: z
      .enum(["on", "off"], { error: 'DATABASE_PREPARED_STATEMENTS must be "on" or "off".' })
      .default("on"),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters.").optional(),
    /** Better Auth's versioned secrets ("2:new,1:old", current first); when set, the current one signs the session cookies. */
    BETTER_AUTH_SECRETS: z
      .string()
      .refine(
        (value) => value.split(",").every((entry) => /^\d+:\s*\S.{30,}\S$/.test(entry.trim())),
        'BETTER_AUTH_SECRETS must be "<version>:<secret>" entries separated by commas, the current first, each secret at least 32 characters.',
      )
      .optional(),
    ...siteEnvShape,
    /**
     * The reverse proxies in front of the app, as addresses or CIDR ranges separated by commas. The client's
     * address is then the last X-Forwarded-For entry that is not one of them, which a client cannot choose.
     */
    TRUSTED_PROXIES: z
      .string()
      .transform((value) => value.split(",").map((entry) => entry.trim()))
      .pipe(
        z.array(
          z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
            error:
              "TRUSTED_PROXIES must be IP addresses or CIDR ranges separated by commas, e.g. 10.0.0.0/8,192.0.2.7.",
          }),
        ),
      )
      .optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.BETTER_AUTH_SECRET || env.BETTER_AUTH_SECRETS, {
    path: ["BETTER_AUTH_SECRET"],
    message:
      "BETTER_AUTH_SECRET (or BETTER_AUTH_SECRETS) is required in production: at least 32 random characters, the same on every instance.",
  });

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** The environment parsed with `schema`; throws one readable message listing every problem. */
function parseEnvironment<T>(schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** Validated server environment; throws one readable message listing every problem. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnvironment(serverEnvSchema);
  return cached;
}

/** Only for development and tests, where sessions need not survive a change of secret. */
export const DEVELOPMENT_AUTH_SECRET = "development-only-secret-do-not-use-in-production-0123456789";

const siteEnvSchema = z.object(siteEnvShape);
let cachedSite: z.infer<typeof siteEnvSchema> | undefined;

/** The part of the environment that says where the site is and who publishes it; needs no DATABASE_URL. */
export function siteEnv(): z.infer<typeof siteEnvSchema> {
  cachedSite ??= parseEnvironment(siteEnvSchema);
  return cachedSite;
}
