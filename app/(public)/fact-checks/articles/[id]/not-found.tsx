import { PublicNotFound } from "@/components/public/public-not-found";

export default function PublicArticleNotFound() {
  return (
    <PublicNotFound title="Article not found">
      No article with published fact-checks has this number. An article appears here once one of its claims is checked
      and published.
    </PublicNotFound>
  );
}
