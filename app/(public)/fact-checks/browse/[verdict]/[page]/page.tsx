import type { Metadata } from "next";
import { publicIndexQuerySchema } from "@/domains/publishing/data";
import { FactChecksIndex, indexViewMetadata } from "../../../index-view";

type Props = { params: Promise<{ verdict: string; page: string }> };

// A view of the index without a search (all verdicts or one, one page), the same for every reader:
// generated once, served from the cache until published data changes. Readers reach it as
// /fact-checks?verdict=…&page=… (proxy.ts rewrites), whose address its canonical link keeps.
export const revalidate = 60;

export async function generateStaticParams(): Promise<{ verdict: string; page: string }[]> {
  return [];
}

async function queryOf(params: Props["params"]) {
  const { verdict, page } = await params;
  return publicIndexQuerySchema.parse({ verdict: verdict === "all" ? undefined : verdict, page });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return indexViewMetadata(await queryOf(params));
}

export default async function FactChecksBrowsePage({ params }: Props) {
  return <FactChecksIndex query={await queryOf(params)} />;
}
