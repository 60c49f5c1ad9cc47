import Link from "next/link";

/** A reader's "not found": what is missing, and the way back to what is published. */
export function PublicNotFound({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-800">{children}</p>
      <p className="flex gap-4 text-sm">
        <Link href="/fact-checks" className="text-blue-800 underline underline-offset-2">
          All fact-checks
        </Link>
        <Link href="/corrections" className="text-blue-800 underline underline-offset-2">
          Corrections
        </Link>
      </p>
    </div>
  );
}
