-- CreateTable
CREATE TABLE "DeckPreset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "newPerDay" INTEGER NOT NULL,
    "maxReviewsPerDay" INTEGER NOT NULL,
    "desiredRetention" DOUBLE PRECISION NOT NULL,
    "learningSteps" TEXT NOT NULL,
    "relearningSteps" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeckPreset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeckPresetDeck" (
    "userId" TEXT NOT NULL,
    "deckSlug" TEXT NOT NULL,
    "presetId" TEXT NOT NULL,

    CONSTRAINT "DeckPresetDeck_pkey" PRIMARY KEY ("userId","deckSlug")
);

-- CreateIndex
CREATE UNIQUE INDEX "DeckPreset_userId_name_key" ON "DeckPreset"("userId", "name");

-- CreateIndex
CREATE INDEX "DeckPresetDeck_presetId_idx" ON "DeckPresetDeck"("presetId");

-- AddForeignKey
ALTER TABLE "DeckPreset" ADD CONSTRAINT "DeckPreset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckPresetDeck" ADD CONSTRAINT "DeckPresetDeck_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "DeckPreset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckPresetDeck" ADD CONSTRAINT "DeckPresetDeck_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
