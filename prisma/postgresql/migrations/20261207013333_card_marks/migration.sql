-- AlterTable
ALTER TABLE "CardState" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "flag" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "leech" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspended" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN     "leechAction" TEXT NOT NULL DEFAULT 'suspend',
ADD COLUMN     "leechThreshold" INTEGER NOT NULL DEFAULT 8;
