import "server-only";
import { db } from "@/lib/db";

/** Failed sign-ins allowed per window: per email (guessing one password), per address (trying many). */
export const THROTTLE_WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export function normaliseEmail(email: unknown): string {
  return typeof email === "string" ? email.trim().toLowerCase() : "";
}

/**
 * Seconds to wait before another attempt, or 0 when one is allowed. Counted in PostgreSQL, so every
 * instance agrees. Attempts whose client address is unknown (null: no trustworthy X-Forwarded-For) are
 * counted together, as one address: otherwise sending a header that gives no address would escape the
 * per-address limit.
 */
export async function signInRetryAfterSeconds(email: string, ipAddress: string | null): Promise<number> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [byEmail, byAddress] = await Promise.all([
    db().signInFailure.findMany({
      where: { email, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_EMAIL,
      select: { createdAt: true },
    }),
    db().signInFailure.findMany({
      where: { ipAddress, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: MAX_FAILURES_PER_ADDRESS,
      select: { createdAt: true },
    }),
  ]);
  const waits = [
    byEmail.length >= MAX_FAILURES_PER_EMAIL ? byEmail[byEmail.length - 1]!.createdAt : null,
    byAddress.length >= MAX_FAILURES_PER_ADDRESS ? byAddress[byAddress.length - 1]!.createdAt : null,
  ]
    .filter((oldest): oldest is Date => oldest !== null)
    .map((oldest) => Math.ceil((oldest.getTime() + THROTTLE_WINDOW_MS - Date.now()) / 1000));
  return Math.max(0, ...waits);
}

export async function recordSignInFailure(email: string, ipAddress: string | null): Promise<void> {
  await db().signInFailure.create({ data: { email, ipAddress } });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().signInFailure.deleteMany({ where: { email } });
}

export async function isDeactivated(email: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { email }, select: { active: true } });
  return user !== null && !user.active;
}
