import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { mayImportArticle } from "@/domains/articles/rules";
import { requireUser } from "@/domains/users/session";
import { ImportArticleForm } from "./import-article-form";

export const metadata: Metadata = { title: "Add an article" };

export default async function NewArticlePage() {
  const viewer = await requireUser("/articles/new");
  if (!mayImportArticle(viewer).allowed) forbidden();
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Add an article</h1>
        <p className="max-w-3xl text-sm text-slate-700">
          Paste the article&apos;s text, or its HTML (the page&apos;s source or a copied fragment), or upload it as a
          file. HTML is reduced to the article&apos;s readable text: menus, scripts, headers and footers are dropped and
          paragraphs are kept. The text is stored as shown on the article page and does not change afterwards, since
          claims point into it.
        </p>
      </div>
      <section aria-label="New article" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <ImportArticleForm />
      </section>
    </div>
  );
}
