-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StudySettings" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 10,
    "newPerDayTotal" INTEGER NOT NULL DEFAULT 20,
    "maxReviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "maximumInterval" INTEGER NOT NULL DEFAULT 36500,
    "learningSteps" TEXT NOT NULL DEFAULT '["1m","10m"]',
    "relearningSteps" TEXT NOT NULL DEFAULT '["10m"]',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "dayRolloverHour" INTEGER NOT NULL DEFAULT 4,
    "enableFuzz" BOOLEAN NOT NULL DEFAULT true,
    "quizFeedsSchedule" BOOLEAN NOT NULL DEFAULT true,
    "parameterSetId" TEXT,
    CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudySettings_parameterSetId_fkey" FOREIGN KEY ("parameterSetId") REFERENCES "FsrsParameterSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StudySettings" ("dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "parameterSetId", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId") SELECT "dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "parameterSetId", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId" FROM "StudySettings";
DROP TABLE "StudySettings";
ALTER TABLE "new_StudySettings" RENAME TO "StudySettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- The all-decks limit starts at the old single limit where that was higher, so "Study now" offers no fewer new cards than before.
UPDATE "StudySettings" SET "newPerDayTotal" = "newPerDay" WHERE "newPerDay" > 20;
