-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CardState" (
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "introducedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" DATETIME,
    "flag" INTEGER NOT NULL DEFAULT 0,
    "leech" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("userId", "cardId"),
    CONSTRAINT "CardState_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CardState_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CardState" ("cardId", "difficulty", "due", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "version") SELECT "cardId", "difficulty", "due", "introducedAt", "lapses", "lastReview", "learningSteps", "reps", "scheduledDays", "stability", "state", "userId", "version" FROM "CardState";
DROP TABLE "CardState";
ALTER TABLE "new_CardState" RENAME TO "CardState";
CREATE INDEX "CardState_userId_due_idx" ON "CardState"("userId", "due");
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
    "leechThreshold" INTEGER NOT NULL DEFAULT 8,
    "leechAction" TEXT NOT NULL DEFAULT 'suspend',
    "parameterSetId" TEXT,
    CONSTRAINT "StudySettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StudySettings_parameterSetId_fkey" FOREIGN KEY ("parameterSetId") REFERENCES "FsrsParameterSet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StudySettings" ("dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "newPerDayTotal", "parameterSetId", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId") SELECT "dayRolloverHour", "desiredRetention", "enableFuzz", "learningSteps", "maxReviewsPerDay", "maximumInterval", "newPerDay", "newPerDayTotal", "parameterSetId", "quizFeedsSchedule", "relearningSteps", "timeZone", "userId" FROM "StudySettings";
DROP TABLE "StudySettings";
ALTER TABLE "new_StudySettings" RENAME TO "StudySettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
