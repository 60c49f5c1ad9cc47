"use client";

import { useEffect } from "react";

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
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
      >
        Try again
      </button>
    </div>
  );
}
