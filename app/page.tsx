import { Suspense } from "react";
import { BlockSkeleton } from "@/components/skeletons";
import { requireUser } from "@/lib/session";
import { ArticleList } from "./_overview/article-list";
import { ClaimProgress, ClaimProgressSkeleton } from "./_overview/claim-progress";

export default async function OverviewPage() {
  await requireUser("/");
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      <Suspense fallback={<ClaimProgressSkeleton />}>
        <ClaimProgress />
      </Suspense>
      <section aria-labelledby="articles-heading" className="space-y-3">
        <h2 id="articles-heading" className="text-lg font-semibold">
          Articles
        </h2>
        <Suspense fallback={<BlockSkeleton label="Loading articles" />}>
          <ArticleList />
        </Suspense>
      </section>
    </div>
  );
}
