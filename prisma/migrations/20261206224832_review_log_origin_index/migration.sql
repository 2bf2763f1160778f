-- CreateIndex
CREATE INDEX "ReviewLog_userId_origin_cardId_idx" ON "ReviewLog"("userId", "origin", "cardId");
