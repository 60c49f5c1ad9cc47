-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "Claim_status_articleId_startOffset_idx";

-- DropIndex
DROP INDEX "Claim_topic_articleId_startOffset_idx";

-- DropIndex
DROP INDEX "Claim_updatedAt_idx";

-- DropIndex
DROP INDEX "Claim_verdict_articleId_startOffset_idx";

-- CreateIndex
CREATE INDEX "Claim_articleId_startOffset_endOffset_id_idx" ON "Claim"("articleId", "startOffset", "endOffset", "id");

-- CreateIndex
CREATE INDEX "Claim_status_articleId_startOffset_endOffset_id_idx" ON "Claim"("status", "articleId", "startOffset", "endOffset", "id");

-- CreateIndex
CREATE INDEX "Claim_verdict_articleId_startOffset_endOffset_id_idx" ON "Claim"("verdict", "articleId", "startOffset", "endOffset", "id");

-- CreateIndex
CREATE INDEX "Claim_topic_articleId_startOffset_endOffset_id_idx" ON "Claim"("topic", "articleId", "startOffset", "endOffset", "id");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_articleId_startOffset_endOffset_id_idx" ON "Claim"("assigneeId", "articleId", "startOffset", "endOffset", "id");

-- CreateIndex
CREATE INDEX "Claim_updatedAt_id_idx" ON "Claim"("updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Claim_quote_trgm_idx" ON "Claim" USING GIN ("quote" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Claim_statement_trgm_idx" ON "Claim" USING GIN ("statement" gin_trgm_ops);
