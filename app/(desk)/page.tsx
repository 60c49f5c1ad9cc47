import Link from "next/link";
import { Suspense } from "react";
import { BlockSkeleton } from "@/components/skeletons";
import { mayImportArticle } from "@/domains/articles/rules";
import { requireUser } from "@/domains/users/session";
import { NeedsReview } from "./queue/needs-review";
import { ArticleList } from "./_overview/article-list";
import { ClaimProgress, ClaimProgressSkeleton } from "./_overview/claim-progress";

export default async function OverviewPage() {
  const viewer = await requireUser("/");
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {/* Awaited with the page rather than streamed: it is what a reviewer opens the overview for, its
          queries are bounded, and arriving later it would push everything below it down. */}
      <NeedsReview viewer={viewer} />
      <Suspense fallback={<ClaimProgressSkeleton />}>
        <ClaimProgress />
      </Suspense>
      <section aria-labelledby="articles-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="articles-heading" className="text-lg font-semibold">
            Articles
          </h2>
          {mayImportArticle(viewer).allowed ? (
            <Link href="/articles/new" className="text-sm font-medium text-blue-800 underline underline-offset-2">
              Add an article
            </Link>
          ) : null}
        </div>
        <Suspense fallback={<BlockSkeleton label="Loading articles" />}>
          <ArticleList />
        </Suspense>
      </section>
    </div>
  );
}
