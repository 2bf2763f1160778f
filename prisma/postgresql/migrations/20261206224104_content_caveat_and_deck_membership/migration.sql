-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "caveat" TEXT;

-- AlterTable
ALTER TABLE "QuizItem" ADD COLUMN     "caveat" TEXT;

-- CreateTable
CREATE TABLE "DeckCard" (
    "deckSlug" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "DeckCard_pkey" PRIMARY KEY ("deckSlug","cardId")
);

-- CreateIndex
CREATE INDEX "DeckCard_cardId_idx" ON "DeckCard"("cardId");

-- CreateIndex
CREATE INDEX "DeckCard_deckSlug_position_idx" ON "DeckCard"("deckSlug", "position");

-- AddForeignKey
ALTER TABLE "DeckCard" ADD CONSTRAINT "DeckCard_deckSlug_fkey" FOREIGN KEY ("deckSlug") REFERENCES "Deck"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeckCard" ADD CONSTRAINT "DeckCard_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: every existing card is taught by the deck that defines it (personal decks too).
INSERT INTO "DeckCard" ("deckSlug", "cardId", "position") SELECT "deckSlug", "id", "position" FROM "Card";
