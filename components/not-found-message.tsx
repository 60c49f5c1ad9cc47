import Link from "next/link";

export function NotFoundMessage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-800">{children}</p>
      <p className="flex gap-4 text-sm">
        <Link href="/claims" className="text-blue-800 underline underline-offset-2">
          All claims
        </Link>
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          Overview
        </Link>
      </p>
    </div>
  );
}
