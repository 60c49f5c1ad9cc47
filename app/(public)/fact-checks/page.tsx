import type { Metadata } from "next";
import { publicIndexQuerySchema } from "@/domains/publishing/data";
import { FactChecksIndex, indexViewMetadata } from "./index-view";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A search of the index, rendered per request; proxy.ts sends every view without a search to the
// cached browse/[verdict]/[page] page instead.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return indexViewMetadata(publicIndexQuerySchema.parse(await searchParams));
}

export default async function FactChecksSearchPage({ searchParams }: Props) {
  return <FactChecksIndex query={publicIndexQuerySchema.parse(await searchParams)} />;
}
