"use client";

import { useActionState } from "react";
import { IDLE_STATE } from "@/lib/action-state";
import { THEME_LABELS, THEMES, type Theme } from "./theme";
import { chooseTheme } from "./theme-actions";

/**
 * Three submit buttons in one form: a click is the choice, so it needs no "Apply" button, and it works
 * before (or without) JavaScript: the form posts to the server action and the page comes back in the
 * new theme. aria-pressed says which one is in effect.
 */
export function ThemeSwitch({ theme, labelHiddenOnPhones = false }: { theme: Theme; labelHiddenOnPhones?: boolean }) {
  const [, submit] = useActionState(chooseTheme, IDLE_STATE);
  return (
    <form action={submit}>
      <fieldset className="flex items-center gap-2">
        <legend className={`float-left text-sm text-slate-700 ${labelHiddenOnPhones ? "max-md:sr-only" : ""}`}>
          Theme
        </legend>
        <div className="flex rounded-md border border-slate-300 p-0.5">
          {THEMES.map((choice) => (
            <button
              key={choice}
              type="submit"
              name="theme"
              value={choice}
              aria-pressed={choice === theme}
              className="rounded px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-pressed:bg-slate-900 aria-pressed:text-white"
            >
              {THEME_LABELS[choice]}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
