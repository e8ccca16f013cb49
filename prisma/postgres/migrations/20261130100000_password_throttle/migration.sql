-- CreateTable
CREATE TABLE "PasswordThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "blockedUntil" TIMESTAMP(3),
    "lastFailureAt" TIMESTAMP(3),
    "lastIp" TEXT,

    CONSTRAINT "PasswordThrottle_pkey" PRIMARY KEY ("key")
);
