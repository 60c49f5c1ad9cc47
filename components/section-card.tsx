import { useId } from "react";
import { CARD } from "./ui";

/** A titled card; the heading names the region for assistive technology and for role-based tests. */
export function SectionCard({ title, children }: { title: React.ReactNode; children: React.ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={CARD}>
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
