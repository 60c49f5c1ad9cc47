import Link from "next/link";
import { connection } from "next/server";
import { FormattedDate } from "@/components/dates";
import { countArticles, listArticles } from "@/domains/articles/data";

const SHOWN = 10;

export async function ArticleList() {
  await connection();
  const [articles, total] = await Promise.all([listArticles({ limit: SHOWN }), countArticles()]);
  if (articles.length === 0) {
    return <p className="text-sm text-slate-700">No article is tracked yet.</p>;
  }
  return (
    <div className="space-y-2">
      {total > articles.length ? (
        <p className="text-sm text-slate-700">
          The {articles.length} most recent of {total} articles; the claims list filters by article.
        </p>
      ) : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {articles.map((article) => (
          <li key={article.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <Link
                href={`/articles/${article.id}`}
                className="font-medium text-blue-800 underline-offset-2 hover:underline"
              >
                {article.title}
              </Link>
              <p className="text-sm text-slate-700">
                {article.publisher ? `${article.publisher} · ` : ""}
                <FormattedDate date={article.publishedAt} />
              </p>
            </div>
            <p className="text-sm text-slate-800">
              <Link href={`/claims?article=${article.id}`} className="hover:underline">
                {article.claimCount} claims
              </Link>
              , {article.verifiedCount} verified
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
