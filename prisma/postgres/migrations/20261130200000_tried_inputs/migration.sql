-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "issuedSubmission" TEXT,
ADD COLUMN     "issuedResult" TEXT,
ADD COLUMN     "issuedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RefusedTotpStep" (
    "userId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RefusedTotpStep_pkey" PRIMARY KEY ("userId","step")
);

-- AddForeignKey
ALTER TABLE "RefusedTotpStep" ADD CONSTRAINT "RefusedTotpStep_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
