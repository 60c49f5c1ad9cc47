-- CreateIndex
CREATE INDEX "Claim_status_proposedAt_id_proposedById_idx" ON "Claim"("status", "proposedAt", "id", "proposedById");
