-- CreateTable
CREATE TABLE "ArticleSuggestions" (
    "articleId" INTEGER NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleSuggestions_pkey" PRIMARY KEY ("articleId")
);

-- AddForeignKey
ALTER TABLE "ArticleSuggestions" ADD CONSTRAINT "ArticleSuggestions_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
