import { z } from "zod";

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** The cookie's value; "system" (follow the system setting) when there is none or it is not one of ours. */
export const themeSchema = z.enum(THEMES).catch("system");

export const THEME_COOKIE = "theme";
