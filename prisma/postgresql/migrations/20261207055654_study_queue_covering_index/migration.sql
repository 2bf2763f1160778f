-- DropIndex
DROP INDEX "CardState_userId_state_due_idx";

-- CreateIndex
CREATE INDEX "Card_retired_id_idx" ON "Card"("retired", "id");

-- CreateIndex
CREATE INDEX "CardState_userId_state_due_stability_lastReview_suspended_b_idx" ON "CardState"("userId", "state", "due", "stability", "lastReview", "suspended", "buriedUntil", "cardId");
