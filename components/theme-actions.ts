"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { THEME_COOKIE, THEME_LABELS, THEMES } from "./theme";

/** Strict, unlike the cookie's reading: a form that sends something else is refused, not reset. */
const themeStrictSchema = z.enum(THEMES);

const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers the theme in a cookie, which the root layout reads to put its class on <html> in the
 * very response that renders the page. A preference stored in the browser (localStorage) would need
 * a script to apply it before the first paint, and the switch would do nothing without JavaScript;
 * the cookie needs neither. It is a display preference, so no session is asked for: the sign-in page
 * has the switch too.
 */
export async function chooseTheme(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = themeStrictSchema.safeParse(formData.get("theme"));
  if (!parsed.success) return { status: "error", message: "Choose System, Light or Dark.", values: {}, at: Date.now() };
  (await cookies()).set(THEME_COOKIE, parsed.data, {
    path: "/",
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production",
  });
  return { status: "success", message: `Theme: ${THEME_LABELS[parsed.data]}.`, at: Date.now() };
}
