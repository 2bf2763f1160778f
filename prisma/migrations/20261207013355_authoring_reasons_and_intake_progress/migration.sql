-- AlterTable
ALTER TABLE "Card" ADD COLUMN "evidenceReason" TEXT;

-- AlterTable
ALTER TABLE "QuizItem" ADD COLUMN "evidenceReason" TEXT;

-- CreateTable
CREATE TABLE "IntakeProgress" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "fraction" REAL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IntakeProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "IntakeProgress_updatedAt_idx" ON "IntakeProgress"("updatedAt");
