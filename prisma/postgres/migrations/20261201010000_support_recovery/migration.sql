-- AlterTable: a session or ticket opened with a temporary access code reaches only the wizard.
ALTER TABLE "Session" ADD COLUMN     "accessCodeId" TEXT,
ADD COLUMN     "wizardOnly" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "SignInTicket" ADD COLUMN     "accessCodeId" TEXT;

-- AlterTable: a lost-access request is a case with a reference number.
ALTER TABLE "ResetRequest" ADD COLUMN     "reference" TEXT,
ADD COLUMN     "infoRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SupportRecovery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "verification" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "lifetimeMinutes" INTEGER,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" TEXT,
    "approvedAt" TIMESTAMP(3),
    "codeHash" TEXT,
    "expiresAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "enrolledAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endedById" TEXT,
    "disownedAt" TIMESTAMP(3),

    CONSTRAINT "SupportRecovery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResetRequest_reference_key" ON "ResetRequest"("reference");

-- CreateIndex
CREATE INDEX "SupportRecovery_userId_status_idx" ON "SupportRecovery"("userId", "status");

-- CreateIndex
CREATE INDEX "SupportRecovery_status_createdAt_idx" ON "SupportRecovery"("status", "createdAt");

-- CreateIndex
CREATE INDEX "SupportRecovery_disownedAt_idx" ON "SupportRecovery"("disownedAt");
