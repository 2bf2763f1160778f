-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "evidenceReason" TEXT;

-- AlterTable
ALTER TABLE "QuizItem" ADD COLUMN     "evidenceReason" TEXT;

-- CreateTable
CREATE TABLE "IntakeProgress" (
    "token" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "fraction" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IntakeProgress_pkey" PRIMARY KEY ("token")
);

-- CreateIndex
CREATE INDEX "IntakeProgress_updatedAt_idx" ON "IntakeProgress"("updatedAt");

-- AddForeignKey
ALTER TABLE "IntakeProgress" ADD CONSTRAINT "IntakeProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
