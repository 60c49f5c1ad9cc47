import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { THEME_COOKIE, THEMES, type Theme } from "./theme";

// Apart from theme.ts because the theme switch, a client component, imports that file: zod there
// put 30 kB (gzipped) of JavaScript on every page.

/** The cookie's value; "system" (follow the system setting) when there is none or it is not one of ours. */
const themeCookieSchema = z.enum(THEMES).catch("system");

export async function themeFromCookie(): Promise<Theme> {
  return themeCookieSchema.parse((await cookies()).get(THEME_COOKIE)?.value);
}
