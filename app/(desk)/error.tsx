"use client";

import { useEffect } from "react";
import { buttonClass } from "@/components/ui";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto max-w-xl space-y-4 rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-xl font-semibold">This page could not be loaded</h1>
      <p className="text-sm text-slate-800">
        Something went wrong on our side (the database may be unreachable for a moment). Nothing you entered was lost.
      </p>
      {error.digest ? <p className="text-xs text-slate-600">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className={buttonClass("primary")}>
        Try again
      </button>
    </div>
  );
}
