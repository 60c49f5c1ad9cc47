import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArticleText, StatusLegend } from "@/components/article-text";
import { StatusBadge } from "@/components/badges";
import { FormattedDate } from "@/components/dates";
import { getArticle } from "@/domains/articles/data";
import { listTopics } from "@/domains/claims/data";
import { mayCreateClaim } from "@/domains/claims/rules";
import { listSuggestions } from "@/domains/suggestions/data";
import { mayWorkOnSuggestions } from "@/domains/suggestions/rules";
import { getCurrentUser, requireUser } from "@/domains/users/session";
import { parseId } from "@/lib/validation";
import { ClaimWorkbench } from "./claim-workbench";

const loadArticle = cache(async (rawId: string) => {
  const id = parseId(rawId);
  return id === null ? null : getArticle(id);
});

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!(await getCurrentUser())) return { title: "Sign in" };
  const article = await loadArticle((await params).id);
  return { title: article ? article.title : "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const { id } = await params;
  const viewer = await requireUser(`/articles/${id}`);
  const article = await loadArticle(id);
  if (!article) notFound();
  const verified = article.claims.filter((claim) => claim.status === "verified").length;
  const mayClaimSpans = mayCreateClaim(viewer).allowed;
  const [suggestions, topics] = await Promise.all([
    mayWorkOnSuggestions(viewer).allowed ? listSuggestions(article.id) : null,
    mayClaimSpans ? listTopics() : [],
  ]);
  const ranked = (suggestions ?? []).map((suggestion, index) => ({ ...suggestion, rank: index + 1 }));

  const text = (
    <section aria-labelledby="text-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="text-heading" className="text-base font-semibold">
          Article text
        </h2>
        <StatusLegend />
      </div>
      <div className="mt-4">
        <ArticleText
          body={article.body}
          claims={article.claims}
          suggestions={ranked.map((suggestion) => ({
            id: suggestion.rank,
            startOffset: suggestion.startOffset,
            endOffset: suggestion.endOffset,
          }))}
        />
      </div>
    </section>
  );
  const claimList = (
    <aside aria-labelledby="claims-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="claims-heading" className="text-base font-semibold">
        Claims in order
      </h2>
      <ol className="mt-3 space-y-2 text-sm">
        {article.claims.map((claim) => (
          <li key={claim.id} className="flex flex-col gap-1">
            <Link href={`/claims/${claim.id}`} className="text-blue-900 underline-offset-2 hover:underline">
              #{claim.id} {claim.statement}
            </Link>
            <span>
              <StatusBadge status={claim.status} />
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );

  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{article.title}</h1>
        <p className="text-sm text-slate-700">
          {[article.publisher, article.issue].filter(Boolean).join(", ")} · <FormattedDate date={article.publishedAt} />
          {article.credit ? ` · ${article.credit}` : ""}
        </p>
        {article.url ? (
          <p className="text-sm">
            <a
              href={article.url}
              rel="noopener noreferrer nofollow"
              className="text-blue-800 underline underline-offset-2"
            >
              Original article
            </a>
          </p>
        ) : null}
        <p className="text-sm text-slate-800">
          <Link href={`/claims?article=${article.id}`} className="text-blue-800 underline underline-offset-2">
            {article.claims.length} claims
          </Link>
          , {verified} verified.
        </p>
      </header>
      {mayClaimSpans ? (
        <ClaimWorkbench
          articleId={article.id}
          body={article.body}
          topics={topics}
          suggestions={ranked}
          below={claimList}
        >
          {text}
        </ClaimWorkbench>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
          {text}
          {claimList}
        </div>
      )}
    </article>
  );
}
