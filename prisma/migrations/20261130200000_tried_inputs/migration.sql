-- AlterTable
ALTER TABLE "Session" ADD COLUMN "issuedSubmission" TEXT;
ALTER TABLE "Session" ADD COLUMN "issuedResult" TEXT;
ALTER TABLE "Session" ADD COLUMN "issuedAt" DATETIME;

-- CreateTable
CREATE TABLE "RefusedTotpStep" (
    "userId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "step"),
    CONSTRAINT "RefusedTotpStep_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
