-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "identityConfirmedWith" TEXT;
