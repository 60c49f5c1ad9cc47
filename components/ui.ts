/**
 * The one set of styles the screens share: buttons (and links that look like them), notices and cards.
 * Plain class strings in a module without a directive, so server and client components alike use
 * them (a constant exported from a "use client" file reaches a server component as a reference, not
 * a string). Colours are the palette's, which dark mode remaps in app/globals.css.
 */

export type ButtonVariant = "primary" | "secondary" | "danger" | "quiet";
export type ButtonSize = "small" | "medium";

const BUTTON_BASE =
  "inline-flex items-center justify-center gap-1 rounded-md font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-60";

const BUTTON_VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-slate-900 text-white hover:bg-slate-700",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  quiet: "text-blue-800 underline underline-offset-2 hover:bg-slate-100",
};

const BUTTON_SIZES: Record<ButtonSize, string> = { small: "px-3 py-1.5 text-sm", medium: "px-4 py-2 text-sm" };

export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "medium"): string {
  return `${BUTTON_BASE} ${BUTTON_VARIANTS[variant]} ${BUTTON_SIZES[size]}`;
}

export type NoticeTone = "error" | "success" | "warning" | "info";

const NOTICE_TONES: Record<NoticeTone, string> = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  info: "border-blue-200 bg-blue-50 text-blue-950",
};

/** A boxed message: what happened, what was refused, what to look at. */
export function noticeClass(tone: NoticeTone): string {
  return `rounded-md border p-3 text-sm ${NOTICE_TONES[tone]}`;
}

export const CARD = "rounded-lg border border-slate-200 bg-white p-4 sm:p-6";
