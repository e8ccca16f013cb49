-- AlterTable: a session or ticket opened with a temporary access code reaches only the wizard.
ALTER TABLE "Session" ADD COLUMN "accessCodeId" TEXT;
ALTER TABLE "Session" ADD COLUMN "wizardOnly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "SignInTicket" ADD COLUMN "accessCodeId" TEXT;

-- AlterTable: a lost-access request is a case with a reference number.
ALTER TABLE "ResetRequest" ADD COLUMN "reference" TEXT;
ALTER TABLE "ResetRequest" ADD COLUMN "infoRequestedAt" DATETIME;

-- CreateTable
CREATE TABLE "SupportRecovery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "verification" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "lifetimeMinutes" INTEGER,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "codeHash" TEXT,
    "expiresAt" DATETIME,
    "usedAt" DATETIME,
    "enrolledAt" DATETIME,
    "endedAt" DATETIME,
    "endedById" TEXT,
    "disownedAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "ResetRequest_reference_key" ON "ResetRequest"("reference");

-- CreateIndex
CREATE INDEX "SupportRecovery_userId_status_idx" ON "SupportRecovery"("userId", "status");

-- CreateIndex
CREATE INDEX "SupportRecovery_status_createdAt_idx" ON "SupportRecovery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SupportRecovery_disownedAt_idx" ON "SupportRecovery"("disownedAt");
