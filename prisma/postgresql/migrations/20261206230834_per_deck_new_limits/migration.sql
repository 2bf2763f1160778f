-- AlterTable
ALTER TABLE "StudySettings" ADD COLUMN     "newPerDayTotal" INTEGER NOT NULL DEFAULT 20;

-- The all-decks limit starts at the old single limit where that was higher, so "Study now" offers no fewer new cards than before.
UPDATE "StudySettings" SET "newPerDayTotal" = "newPerDay" WHERE "newPerDay" > 20;
