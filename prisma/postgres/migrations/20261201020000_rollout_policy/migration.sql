-- AlterTable
ALTER TABLE "User" ADD COLUMN     "snoozesUsed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "wizardStartedAt" TIMESTAMP(3),
ADD COLUMN     "personalDeadline" TIMESTAMP(3),
ADD COLUMN     "personalDeadlineReason" TEXT,
ADD COLUMN     "exemptAt" TIMESTAMP(3),
ADD COLUMN     "exemptReason" TEXT,
ADD COLUMN     "checkupAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "User_lastSignInAt_idx" ON "User"("lastSignInAt");
