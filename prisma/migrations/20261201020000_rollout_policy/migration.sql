-- AlterTable
ALTER TABLE "User" ADD COLUMN "snoozesUsed" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "wizardStartedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "personalDeadline" DATETIME;
ALTER TABLE "User" ADD COLUMN "personalDeadlineReason" TEXT;
ALTER TABLE "User" ADD COLUMN "exemptAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "exemptReason" TEXT;
ALTER TABLE "User" ADD COLUMN "checkupAt" DATETIME;

-- CreateIndex
CREATE INDEX "User_lastSignInAt_idx" ON "User"("lastSignInAt");
