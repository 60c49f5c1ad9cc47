-- CreateIndex
CREATE INDEX "Claim_verified_statement_trgm_gist_idx" ON "Claim" USING GIST ("statement" gist_trgm_ops) WHERE (status = 'verified');
