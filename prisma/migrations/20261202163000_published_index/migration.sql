-- CreateIndex
CREATE INDEX "Claim_published_newest_idx" ON "Claim"("verifiedAt" DESC, "id" DESC) WHERE (status = 'verified' AND "retractedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Claim_published_verdict_newest_idx" ON "Claim"("verdict", "verifiedAt" DESC, "id" DESC) WHERE (status = 'verified' AND "retractedAt" IS NULL);
