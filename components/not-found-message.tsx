import Link from "next/link";

const DESK_LINKS = [
  { href: "/claims", label: "All claims" },
  { href: "/", label: "Overview" },
];

/** What is missing, and the ways back: the desk's by default, the readers' on their pages. */
export function NotFoundMessage({
  title,
  children,
  links = DESK_LINKS,
}: {
  title: string;
  children: React.ReactNode;
  links?: { href: string; label: string }[];
}) {
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-slate-800">{children}</p>
      <p className="flex gap-4 text-sm">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="text-blue-800 underline underline-offset-2">
            {link.label}
          </Link>
        ))}
      </p>
    </div>
  );
}
