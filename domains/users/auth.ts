import "server-only";
import { networkInterfaces } from "node:os";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getIP, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { findSessionWithUser } from "@/domains/users/data";
import {
  clearSignInFailures,
  isDeactivated,
  normaliseEmail,
  recordSignInFailure,
  signInRetryAfterSeconds,
} from "@/domains/users/sign-in-throttle-store";
import { db } from "@/lib/db";
import { DEVELOPMENT_AUTH_SECRET, serverEnv } from "@/lib/env";
import { isStorableText } from "@/lib/validation";

const SIGN_IN_PATH = "/sign-in/email";
const SIGN_OUT_PATH = "/sign-out";
/** The only message a failed sign-in ever gives: it must not tell which of the two was wrong. */
export const WRONG_CREDENTIALS = "The email or password is wrong.";

/** Sessions last a week; one used after a day is extended (Better Auth's `updateAge`). */
export const SESSION_SECONDS = { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 } as const;

/**
 * The origins `next dev` answers on from this machine and its network: localhost, the loopback
 * addresses, and the addresses it prints as "Network". Without BETTER_AUTH_URL, Better Auth trusts only
 * the origin of the request's URL, which Next builds with "localhost" whatever the browser used, so a
 * page opened at http://127.0.0.1:3000 had its sign-in refused ("Invalid origin").
 */
function localDevelopmentOrigins(port: number): string[] {
  const networkAddresses = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => !address.internal)
    .map((address) => (address.family === "IPv6" ? `[${address.address}]` : address.address));
  return ["localhost", "127.0.0.1", "[::1]", ...networkAddresses].map((host) => `http://${host}:${port}`);
}

/** `npm start` says once, in plain words, that BETTER_AUTH_URL is unset (scripts/serve.ts); Better Auth need not say it again. */
const BASE_URL_WARNING = "[better-auth] Base URL is not set.";

function createAuth() {
  const env = serverEnv();
  return betterAuth({
    appName: "Fact-check desk",
    // With BETTER_AUTH_SECRETS set, Better Auth signs with its current secret and keeps this one to
    // decrypt what it encrypted before the rotation.
    secret: env.BETTER_AUTH_SECRET ?? (env.BETTER_AUTH_SECRETS ? undefined : DEVELOPMENT_AUTH_SECRET),
    baseURL: env.BETTER_AUTH_URL,
    trustedOrigins: env.BETTER_AUTH_URL || env.NODE_ENV === "production" ? [] : localDevelopmentOrigins(env.PORT),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Accounts are created by admins (in the app or `npm run user:create`), never by visitors.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", input: false, required: true, defaultValue: "reviewer" },
        active: { type: "boolean", input: false, required: true, defaultValue: true },
      },
    },
    session: SESSION_SECONDS,
    // Better Auth's own limiter keeps counts in memory unless told otherwise; failed sign-ins are
    // throttled below, in PostgreSQL, so the limit holds across instances.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // Anything but Better Auth's own refusals reaches the route, whose handleErrors answers a database
    // outage with a 503 and its message, where Better Auth would answer an empty 500.
    onAPIError: { throw: true },
    advanced: {
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      // Without it, Better Auth trusts X-Forwarded-For only when it holds a single address, which a
      // client can write itself; behind a proxy that appends, it then holds two and gives no address.
      ipAddress: { trustedProxies: env.TRUSTED_PROXIES },
    },
    logger: {
      log(level, message, ...args) {
        if (message.startsWith(BASE_URL_WARNING)) return;
        const write = level === "error" ? console.error : level === "warn" ? console.warn : console.log;
        write(`[Better Auth] ${level}: ${message}`, ...args);
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) {
          // Requests to Better Auth's own endpoints (get-session, update-user, change-password...):
          // they know nothing of `active`, so a session a deactivated user still holds (made by a
          // sign-in racing the deactivation, or left by a flag set in the database) must not work
          // there either. The app's own calls check `active` themselves (session.ts).
          if (!ctx.request || ctx.path === SIGN_OUT_PATH) return;
          const token = await ctx.getSignedCookie(ctx.context.authCookies.sessionToken.name, ctx.context.secret);
          const session = token ? await findSessionWithUser(token) : null;
          if (session && !session.user.active) {
            throw new APIError("UNAUTHORIZED", {
              message: "Your session has ended: sign in again.",
              code: "SESSION_ENDED",
            });
          }
          return;
        }
        const email = normaliseEmail(ctx.body?.email);
        // The throttle stores the email it counts, which PostgreSQL must be able to store; scrypt's HMAC
        // pads a password with NULs, so "password\0" would pass for "password".
        const password: unknown = ctx.body?.password;
        if (!isStorableText(email) || (typeof password === "string" && !isStorableText(password))) {
          throw new APIError("BAD_REQUEST", {
            message: "The email or password contains a NUL character or broken unicode.",
            code: "INVALID_TEXT",
          });
        }
        // Better Auth answers a successful sign-in with `callbackURL` as a Location header, which can
        // only hold ASCII: anything else (an RTL override in a look-alike host) threw there, a 500.
        const callbackURL: unknown = ctx.body?.callbackURL;
        if (callbackURL !== undefined && (typeof callbackURL !== "string" || !/^[\x21-\x7e]*$/.test(callbackURL))) {
          throw new APIError("BAD_REQUEST", {
            message: "callbackURL must be a URL in printable ASCII (percent-encode anything else).",
            code: "INVALID_CALLBACK_URL",
          });
        }
        const retryAfter = await signInRetryAfterSeconds(
          email,
          getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options),
        );
        if (retryAfter > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            {
              message: `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
              code: "TOO_MANY_ATTEMPTS",
            },
            { "Retry-After": String(retryAfter) },
          );
        }
        if (await isDeactivated(email)) {
          await recordSignInFailure(email, getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options));
          throw new APIError("UNAUTHORIZED", { message: WRONG_CREDENTIALS, code: "INVALID_EMAIL_OR_PASSWORD" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = normaliseEmail(ctx.body?.email);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) {
            await recordSignInFailure(email, getIP(ctx.request ?? ctx.headers ?? new Headers(), ctx.context.options));
            throw new APIError("UNAUTHORIZED", { message: WRONG_CREDENTIALS, code: "INVALID_EMAIL_OR_PASSWORD" });
          }
          return;
        }
        await clearSignInFailures(email);
      }),
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { auth?: Auth };

/** Built on first use, so that building the app needs no database or secret. */
export function auth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}
