import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FormattedDate } from "@/components/dates";
import { FactCheckList } from "@/components/public/fact-check-list";
import { getPublishedArticle } from "@/domains/publishing/data";
import { parseId } from "@/lib/validation";

// Generated on its first request, then served from the cache until published data changes (docs/PUBLISHING.md).
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

const loadPublishedArticle = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getPublishedArticle(id);
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await loadPublishedArticle((await params).id);
  if (!article) return { title: "Article not found" };
  return {
    title: `Fact-checks of “${article.title}”`,
    description: `${article.claims.length} ${article.claims.length === 1 ? "claim" : "claims"} from this article, checked.`,
    alternates: { canonical: `/fact-checks/articles/${article.id}` },
  };
}

/** An article's public page: every published fact-check of it, in the order its claims appear. */
export default async function PublicArticlePage({ params }: Props) {
  const article = await loadPublishedArticle((await params).id);
  if (!article) notFound();
  const count = article.claims.length;
  const byline = [article.publisher, article.author].filter(Boolean).join(", ");

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/fact-checks" className="text-blue-800 underline underline-offset-2">
          Fact-checks
        </Link>
      </nav>
      <header className="space-y-3">
        <p className="text-sm font-semibold tracking-wide text-slate-700 uppercase">Claims checked in an article</p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{article.title}</h1>
        <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
          {byline ? <span>{byline}</span> : null}
          <span>
            Published <FormattedDate date={article.publishedAt} />
          </span>
          {article.url ? (
            <a
              href={article.url}
              rel="noopener noreferrer nofollow"
              className="font-medium text-blue-800 underline underline-offset-2"
            >
              Read the original article
            </a>
          ) : null}
        </p>
      </header>
      <p className="text-slate-800">
        {count === 1 ? "One claim" : `${count} claims`} from this article, in the order{" "}
        {count === 1 ? "it appears" : "they appear"}:
      </p>
      <FactCheckList entries={article.claims} />
    </div>
  );
}
