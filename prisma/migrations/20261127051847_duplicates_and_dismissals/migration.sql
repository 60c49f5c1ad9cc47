-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "duplicateOfId" INTEGER;

-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" SERIAL NOT NULL,
    "articleId" INTEGER NOT NULL,
    "startOffset" INTEGER NOT NULL,
    "endOffset" INTEGER NOT NULL,
    "dismissedById" TEXT NOT NULL,
    "dismissedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDismissal_articleId_startOffset_endOffset_key" ON "SuggestionDismissal"("articleId", "startOffset", "endOffset");

-- CreateIndex
CREATE INDEX "Claim_duplicateOfId_idx" ON "Claim"("duplicateOfId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionDismissal" ADD CONSTRAINT "SuggestionDismissal_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
