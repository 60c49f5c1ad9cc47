import { absoluteUrl, publishingOrganization } from "@/lib/site";

/** What a page that frames an unknown or unpublished fact-check shows, instead of an empty frame. */
export default function EmbedNotFound() {
  return (
    <div className="flex h-screen flex-col gap-2 rounded-lg border border-slate-300 bg-white p-4 text-sm">
      <p className="text-xs font-medium tracking-wide text-slate-600 uppercase">
        Fact-check · {publishingOrganization().name}
      </p>
      <h1 className="text-lg font-semibold">This fact-check is not available</h1>
      <p className="text-slate-800">It was never published here, or the address is wrong.</p>
      <a
        href={absoluteUrl("/fact-checks")}
        target="_blank"
        rel="noopener"
        className="mt-auto font-medium text-blue-800 underline underline-offset-2"
      >
        All fact-checks<span className="sr-only"> (opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </div>
  );
}
