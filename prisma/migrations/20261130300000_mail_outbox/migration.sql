-- AlterTable: the dev outbox becomes the outbox of every mail; what it held was already "delivered".
ALTER TABLE "OutboxMessage" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'other';
ALTER TABLE "OutboxMessage" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'queued';
ALTER TABLE "OutboxMessage" ADD COLUMN "sealed" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OutboxMessage" ADD COLUMN "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "OutboxMessage" ADD COLUMN "leaseUntil" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "lastError" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "sentAt" DATETIME;
ALTER TABLE "OutboxMessage" ADD COLUMN "providerId" TEXT;
ALTER TABLE "OutboxMessage" ADD COLUMN "retriedAt" DATETIME;
UPDATE "OutboxMessage" SET "status" = 'sent', "sentAt" = "createdAt", "attempts" = 1;

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_to_createdAt_idx" ON "OutboxMessage"("to", "createdAt");
