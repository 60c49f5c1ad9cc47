import { NotFoundMessage } from "@/components/not-found-message";

const READER_LINKS = [
  { href: "/fact-checks", label: "All fact-checks" },
  { href: "/corrections", label: "Corrections" },
];

/** A reader's "not found": what is missing, and the way back to what is published. */
export function PublicNotFound({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <NotFoundMessage title={title} links={READER_LINKS}>
      {children}
    </NotFoundMessage>
  );
}
