-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "retractedAt" TIMESTAMP(3),
ADD COLUMN     "retractedById" TEXT,
ADD COLUMN     "retractionReason" TEXT;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_retractedById_fkey" FOREIGN KEY ("retractedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

