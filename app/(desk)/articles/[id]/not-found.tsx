import { NotFoundMessage } from "@/components/not-found-message";

export default function ArticleNotFound() {
  return (
    <NotFoundMessage title="Article not found">
      No article has this number. The overview lists every tracked article.
    </NotFoundMessage>
  );
}
