import { PublicNotFound } from "@/components/public/public-not-found";

export default function FactCheckNotFound() {
  return (
    <PublicNotFound title="Fact-check not found">
      No published fact-check has this number. Fact-checks appear here once their verdict is verified.
    </PublicNotFound>
  );
}
