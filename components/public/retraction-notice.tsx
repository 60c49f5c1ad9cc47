import { FormattedDate } from "@/components/dates";

/**
 * What a reader sees first on a retracted fact-check: that it was withdrawn, when and why. The rest
 * of the page stays below it, since readers who followed a link need to know what was withdrawn.
 */
export function RetractionNotice({ retractedAt, reason }: { retractedAt: Date; reason: string | null }) {
  return (
    <section aria-labelledby="retraction-heading" className="rounded-lg border-2 border-red-300 bg-red-50 p-4 sm:p-5">
      <h2 id="retraction-heading" className="text-lg font-semibold text-red-900">
        This fact-check was retracted
      </h2>
      <p className="mt-1 text-sm text-red-950">
        We withdrew it on <FormattedDate date={retractedAt} />. Its verdict no longer stands.
      </p>
      {reason ? (
        <p className="mt-2 text-sm whitespace-pre-wrap text-red-950">
          <span className="font-semibold">Why: </span>
          {reason}
        </p>
      ) : null}
    </section>
  );
}
